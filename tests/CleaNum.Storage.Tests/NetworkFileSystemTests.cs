using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CleaNum.Storage.Tests;

/// <summary>SQLite refuses a database file on a network share (NFS, SMB/CIFS…), where its locks and WAL do not hold.</summary>
public sealed class NetworkFileSystemTests
{
    [Theory]
    [InlineData(0x6969L, "NFS")]
    [InlineData(0xFF534D42L, "CIFS")]
    [InlineData(0xFE534D42L, "SMB2")]
    [InlineData(0x517BL, "SMB")]
    [InlineData(-11317950L, "CIFS")] // 0xFF534D42 as a sign-extended 32-bit f_type
    public void Names_network_file_systems_by_their_statfs_magic(long magic, string expected)
    {
        Assert.Equal(expected, NetworkFileSystems.Describe(magic));
    }

    [Theory]
    [InlineData(0xEF53L)]      // ext4
    [InlineData(0x58465342L)]  // XFS
    [InlineData(0x01021994L)]  // tmpfs
    [InlineData(0x794C7630L)]  // overlayfs (containers)
    public void Leaves_local_file_systems_alone(long magic) => Assert.Null(NetworkFileSystems.Describe(magic));

    [Fact]
    public void Reads_the_real_file_system_of_a_local_folder_as_local()
    {
        Assert.Null(NetworkFileSystems.Of(Path.GetTempPath()));
        Assert.Null(NetworkFileSystems.Of(Path.Combine(Path.GetTempPath(), "not", "created", "yet")));
    }

    [Fact]
    public async Task Opens_a_local_sqlite_file_as_before()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);

        Assert.Equal(0, await db.CountAsync("submission"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Refuses_in_french_a_sqlite_file_on_a_network_share_unless_allowed(bool allowed)
    {
        // the file system probe answers "NFS" for this (real, local) folder: the rest is the real migrator and file
        string folder = Directory.CreateTempSubdirectory("cleanum-share-").FullName;
        var options = new StorageOptions { SqlitePath = Path.Combine(folder, "cleanum.db"), AllowSqliteOnNetworkShare = allowed };
        var connections = new DbConnectionFactory(Options.Create(options), new Dialects.SqliteDialect(path => path.StartsWith(folder, StringComparison.Ordinal) ? "NFS" : null));
        using var migrator = new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance);
        try
        {
            if (allowed)
            {
                await migrator.MigrateAsync(CancellationToken.None);
                Assert.True(File.Exists(options.SqlitePath));
                return;
            }

            var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => migrator.MigrateAsync(CancellationToken.None));

            Assert.False(error.IsTransient);
            Assert.StartsWith("La base SQLite", error.Message, StringComparison.Ordinal);
            Assert.Contains("partage réseau (NFS)", error.Message, StringComparison.Ordinal);
            Assert.Contains("SQL Server", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(options.SqlitePath));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
