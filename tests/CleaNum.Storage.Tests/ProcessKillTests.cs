using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using Dapper;

namespace CleaNum.Storage.Tests;

/// <summary>
/// A writer process is killed (SIGKILL) while it stores ever newer versions of one member in a loop. Every version it
/// committed must still be there, whole, and no partial submission may exist.
/// </summary>
public sealed class ProcessKillTests
{
    private static readonly string WriterAssembly = typeof(ProcessKillTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WriterAssembly").Value!;

    [Fact]
    public async Task Keeps_committed_versions_whole_when_the_writer_is_killed_mid_write()
    {
        await using var db = TestDatabase.Unmigrated(TestDatabase.Sqlite);
        int reported = 0;
        int[] shape = [];

        for (int round = 0; round < 2; round++)
        {
            (int lastStored, int[] childShape) = await RunAndKillWriterAsync(db.Options.SqlitePath, minimumStores: reported + 3, delayBeforeKill: round * 7);
            reported = lastStored;
            shape = childShape;
        }

        await db.Migrator.MigrateAsync(CancellationToken.None);
        MemberStatus member = Assert.Single(await db.Store.GetMemberStatusesAsync(2025, CancellationToken.None));
        IReadOnlyList<Submission> versions = await db.Store.GetVersionsAsync(member.Siren, CancellationToken.None);
        Submission latest = (await db.Store.GetAsync(versions[^1].Id, CancellationToken.None))!;
        await using DbConnection connection = await db.Connections.OpenAsync(CancellationToken.None);
        string integrity = await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check") ?? "";
        long[] childCounts = [.. await connection.QueryAsync<long>("""
            SELECT (SELECT COUNT(*) FROM organisation o WHERE o.submission_id = s.id) * 1000000000000
                 + (SELECT COUNT(*) FROM establishment e WHERE e.submission_id = s.id) * 100000000
                 + (SELECT COUNT(*) FROM intervenant v WHERE v.submission_id = s.id) * 1000000
                 + (SELECT COUNT(*) FROM reference r WHERE r.submission_id = s.id) * 1000
                 + (SELECT COUNT(*) FROM issue i WHERE i.submission_id = s.id)
            FROM submission s
            """)];
        StoreResult after = await db.Store.AddAsync(ASubmission.Full(member.Siren), CancellationToken.None);

        Assert.Equal("ok", integrity);
        Assert.True(versions.Count >= reported, $"{versions.Count} versions stored, {reported} reported committed");
        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Version));
        long whole = 1_000_000_000_000 + (shape[0] * 100_000_000L) + (shape[1] * 1_000_000L) + (shape[2] * 1000L) + shape[3];
        Assert.All(childCounts, count => Assert.Equal(whole, count));
        Assert.Equal(shape[0], latest.Data!.Establishments.Count);
        Assert.Equal(versions.Count + 1, after.Submission.Version);
    }

    private static async Task<(int LastStored, int[] Shape)> RunAndKillWriterAsync(string dbPath, int minimumStores, int delayBeforeKill)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(WriterAssembly);
        start.ArgumentList.Add("write-loop");
        start.ArgumentList.Add(dbPath);
        using Process process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        int lastStored = 0;
        int[] shape = [];
        try
        {
            while (lastStored < minimumStores)
            {
                string? line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"writer exited: {await process.StandardError.ReadToEndAsync(timeout.Token)}");
                string[] parts = line.Split(' ');
                if (parts[0] == "shape")
                {
                    shape = [.. parts[1..].Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
                }
                else if (parts[0] == "stored")
                {
                    lastStored = int.Parse(parts[1], CultureInfo.InvariantCulture);
                }
            }

            await Task.Delay(delayBeforeKill);
        }
        finally
        {
            process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no rollback, no clean close
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return (lastStored, shape);
    }
}
