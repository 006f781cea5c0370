using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CleaNum.Worker.Tests.Service;

/// <summary>
/// What production throws at the running service that development never does: data the database refuses, and files
/// held by another program (antivirus, backup, Excel on the share).
/// </summary>
public sealed class ProductionFaultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Refuses_only_the_file_whose_data_the_database_rejects_and_goes_on_with_the_next()
    {
        await using var service = ServiceFixture.Create();
        await service.StartAsync();
        // SQLite has no length limit: a trigger plays SQL Server's 2628 (string or binary data would be truncated).
        await using (var connection = new SqliteConnection($"Data Source={service.Data.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = """
                CREATE TRIGGER too_long BEFORE INSERT ON organisation WHEN NEW.name LIKE '%acme%'
                BEGIN SELECT RAISE(ABORT, 'string or binary data would be truncated'); END;
                """;
            await command.ExecuteNonQueryAsync();
        }

        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), service.Depot("acme.xlsx"));
        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count == 1, Timeout));
        File.Copy(ServiceFixture.Sample("cap-numerique-bretagne.xlsx"), service.Depot("bretagne.xlsx"));
        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count == 2, Timeout));

        Assert.False(service.Dispatcher.ExecuteTask!.IsCompleted); // the host is still running
        Assert.Equal("acme.xlsx", Path.GetFileName(Assert.Single(ServiceFixture.Files(service.Data.Refused)))[13..]);
        Assert.Equal("bretagne.xlsx", Path.GetFileName(Assert.Single(ServiceFixture.Files(service.Data.Archives)))[13..]);
        Assert.Empty(Directory.EnumerateFiles(service.Data.Depot, "*", SearchOption.AllDirectories));
        Assert.Equal(2, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
        string message = QueryString(service.Data.DatabasePath,
            "SELECT i.message FROM issue i JOIN submission s ON s.id = i.submission_id WHERE s.file_name = 'acme.xlsx' AND i.code = 'FILE_UNREADABLE'");
        Assert.Contains("a refusé de l'enregistrer", message, StringComparison.Ordinal);
        Assert.Equal("refused", QueryString(service.Data.DatabasePath, "SELECT status FROM submission WHERE file_name = 'acme.xlsx'"));
        Assert.NotEmpty(Directory.EnumerateFiles(service.Data.Reports, "*Rapport*.xlsx", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Waits_for_a_file_another_program_grabs_after_the_stability_check_without_counting_it_as_a_failure()
    {
        // MaxAttempts = 1: if the lock counted as a failure, the valid workbook would go to refuses/ at once.
        await using var service = ServiceFixture.Create(
            settings: new Dictionary<string, string?> { ["CleaNum:Inbox:MaxAttempts"] = "1" },
            configure: services => services.Decorate<IWorkbookReader>(inner => new GrabbingReader(inner, times: 2)));
        await service.StartAsync();

        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), service.Depot("acme.xlsx"));

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count == 1, Timeout));
        Assert.Single(ServiceFixture.Files(service.Data.Archives));
        Assert.Empty(ServiceFixture.Files(service.Data.Refused));
        Assert.Equal(3, GrabbingReader.Calls);
        Assert.True(GrabbingReader.SawSharingViolation);
    }

    [Fact]
    public void Recognises_the_lock_another_process_holds_as_a_sharing_violation()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cleanum-lock-{Guid.NewGuid():N}.xlsx");
        File.WriteAllText(path, "x");
        try
        {
            using var holder = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            var error = Assert.ThrowsAny<IOException>(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read).Dispose());

            Assert.True(FileErrors.IsSharingViolation(error), $"HResult 0x{error.HResult:X8}: {error.Message}");
            Assert.False(FileErrors.IsSharingViolation(new FileNotFoundException("gone", path)));
            Assert.False(FileErrors.IsSharingViolation(new IOException("disk full", unchecked((int)0x80070070))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Deletes_a_read_only_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cleanum-ro-{Guid.NewGuid():N}.xlsx");
        File.WriteAllText(path, "x");
        File.SetAttributes(path, FileAttributes.ReadOnly);

        FileErrors.DeleteEvenIfReadOnly(path);

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Compares_paths_without_case_where_the_file_system_ignores_it()
    {
        Assert.True(DataFolder.IsInside("/srv/Données/DEPOT/a.xlsx", "/srv/données/depot", StringComparison.OrdinalIgnoreCase));
        Assert.False(DataFolder.IsInside("/srv/Données/DEPOT/a.xlsx", "/srv/données/depot", StringComparison.Ordinal));
        Assert.Equal(
            OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal,
            FileErrors.PathComparison);
    }

    private static string QueryString(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Plays an antivirus that opens the claimed file exclusively right after the stability check, the first
    /// <c>times</c> reads: the real reader then meets a real lock.</summary>
    private sealed class GrabbingReader(IWorkbookReader inner, int times) : IWorkbookReader
    {
        private static int _calls;

        public static int Calls => _calls;

        public static bool SawSharingViolation { get; private set; }

        public RawWorkbook Read(string path, IReadOnlyList<SheetDefinition> sheets, CancellationToken cancellationToken)
        {
            if (!path.Contains("en-cours", StringComparison.Ordinal) || Interlocked.Increment(ref _calls) > times)
            {
                return inner.Read(path, sheets, cancellationToken);
            }

            using var antivirus = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            try
            {
                return inner.Read(path, sheets, cancellationToken);
            }
            catch (IOException ex) when (FileErrors.IsSharingViolation(ex))
            {
                SawSharingViolation = true;
                throw;
            }
        }
    }
}

internal static class DecorateExtensions
{
    public static void Decorate<T>(this IServiceCollection services, Func<T, T> decorate)
        where T : class
    {
        ServiceDescriptor original = services.Last(d => d.ServiceType == typeof(T));
        services.Replace(ServiceDescriptor.Describe(typeof(T), sp => decorate((T)(original.ImplementationFactory?.Invoke(sp)
            ?? original.ImplementationInstance
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))), original.Lifetime));
    }
}
