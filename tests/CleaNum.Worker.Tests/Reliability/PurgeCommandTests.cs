using System.Globalization;
using System.Text.Json;
using CleaNum.Worker.Cli;
using CleaNum.Worker.Service;
using CleaNum.Worker.Tests.Service;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleaNum.Worker.Tests.Reliability;

/// <summary>service.md « Retention »: <c>purger</c>, <c>purger --siren</c>, the audit record, and the monthly job.</summary>
public sealed class PurgeCommandTests : IDisposable
{
    private readonly string _root = ServiceFixture.NewRoot();

    private string Data => Path.Combine(_root, "données");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await CleaNumCommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Text(string sql) => Convert.ToString(Query(sql), CultureInfo.InvariantCulture)!;

    private long Scalar(string sql) => Convert.ToInt64(Query(sql), CultureInfo.InvariantCulture);

    private object? Query(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Data, "cleanum.db"), Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task Purges_superseded_versions_then_erases_a_member_and_records_each_purge()
    {
        string first = Path.Combine(_root, "acme v1.xlsx");
        string second = Path.Combine(_root, "acme v2.xlsx");
        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), first);
        ServiceFixture.WriteVariant("acme-formation-idf.xlsx", second, 2);
        (int exit1, string out1, _) = await RunAsync("ingest", first, "--data", Data, "--json");
        (int exit2, _, _) = await RunAsync("ingest", second, "--data", Data, "--json");
        Assert.Equal(0, exit1);
        Assert.Equal(0, exit2);
        string siren = JsonDocument.Parse(out1).RootElement.GetProperty("files")[0].GetProperty("member").GetProperty("siren").GetString()!;
        long v1 = Scalar("SELECT id FROM submission WHERE version = 1");
        long v2 = Scalar("SELECT id FROM submission WHERE version = 2");
        Assert.True(Scalar($"SELECT COUNT(*) FROM intervenant WHERE submission_id = {v1}") > 0);
        List<string> archived = [.. ServiceFixture.Files(Path.Combine(Data, "archives"))];
        Assert.Equal(2, archived.Count);

        // The file system dates files with a clock that lags the process's by a few milliseconds: version 2's report,
        // written just after version 2 arrived, can bear a time just before its arrival. Made certain here: the report
        // (version 1's was overwritten, same day, same name) is version 2's and no purge of version 1 may take it.
        DateTime secondArrival = DateTime.Parse(Text("SELECT received_at_utc FROM submission WHERE version = 2"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        foreach (string report in ServiceFixture.Files(Path.Combine(Data, "rapports", siren)))
        {
            File.SetLastWriteTimeUtc(report, secondArrival.AddMilliseconds(-5));
        }

        string tomorrow = TimeProvider.System.GetUtcNow().AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        (int dryExit, string dryOut, _) = await RunAsync("purger", "--avant", tomorrow, "--dry-run", "--data", Data, "--json");

        Assert.Equal(0, dryExit);
        JsonElement dry = JsonDocument.Parse(dryOut).RootElement;
        Assert.Equal(1, dry.GetProperty("submissions").GetInt32());
        Assert.Single(dry.GetProperty("files").EnumerateArray());
        Assert.All(archived, f => Assert.True(File.Exists(f)));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM purge_log"));

        (int purgeExit, _, string purgeErr) = await RunAsync("purger", "--avant", tomorrow, "--data", Data);

        Assert.Equal(0, purgeExit);
        Assert.Equal("", purgeErr);
        Assert.Single(ServiceFixture.Files(Path.Combine(Data, "archives")));
        Assert.Equal(0, Scalar($"SELECT COUNT(*) FROM intervenant WHERE submission_id = {v1}"));
        Assert.True(Scalar($"SELECT COUNT(*) FROM intervenant WHERE submission_id = {v2}") > 0);
        Assert.Equal(1, Scalar($"SELECT COUNT(*) FROM organisation WHERE submission_id = {v1} AND main_contact_name IS NULL AND main_contact_email IS NULL"));
        Assert.Equal(2, Scalar("SELECT COUNT(*) FROM submission"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM purge_log WHERE kind = 'retention' AND origin = 'purger' AND submissions = 1 AND files = 1"));

        (int eraseExit, _, _) = await RunAsync("purger", "--siren", siren, "--data", Data);

        Assert.Equal(0, eraseExit);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM submission"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM intervenant"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM member"));
        Assert.Empty(ServiceFixture.Files(Path.Combine(Data, "archives")));
        Assert.False(Directory.Exists(Path.Combine(Data, "rapports", siren)));
        Assert.Equal(1, Scalar($"SELECT COUNT(*) FROM purge_log WHERE kind = 'erasure' AND siren = '{siren}' AND submissions = 2"));
    }

    [Fact]
    public async Task Refuses_a_bad_date_or_siren_in_french()
    {
        Directory.CreateDirectory(Data);

        (int badDate, _, string dateErr) = await RunAsync("purger", "--avant", "hier", "--data", Data);
        (int badSiren, _, string sirenErr) = await RunAsync("purger", "--siren", "12345", "--data", Data);

        Assert.Equal(2, badDate);
        Assert.Contains("n'est pas une date", dateErr, StringComparison.Ordinal);
        Assert.Equal(2, badSiren);
        Assert.Contains("n'est pas un SIREN", sirenErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedules_the_monthly_retention_job_in_the_service()
    {
        await using var service = ServiceFixture.Create();
        await service.StartAsync();

        IScheduler scheduler = await service.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        ITrigger? trigger = await scheduler.GetTrigger(RetentionJob.Trigger);

        var cron = Assert.IsAssignableFrom<ICronTrigger>(trigger);
        Assert.Equal("0 0 3 1 * ?", cron.CronExpressionString);
        Assert.Equal(RetentionJob.Key, trigger!.JobKey);
    }
}
