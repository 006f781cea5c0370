using CleaNum.Worker.Cli;
using CleaNum.Worker.Tests.Cli;

namespace CleaNum.Worker.Tests.Platform;

/// <summary><c>cleanum migrate</c>: the DBA's verb (schema once, then the service runs with read/write rights).</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Applies_the_pending_scripts_once_then_says_the_schema_is_up_to_date()
    {
        string folder = Directory.CreateTempSubdirectory("cleanum-migrate-").FullName;
        string database = Path.Combine(folder, "base.db");
        try
        {
            (int first, string firstOut, _) = await RunAsync(["migrate", "--db", database]);
            (int second, string secondOut, _) = await RunAsync(["migrate", "--db", database]);

            Assert.Equal(0, first);
            Assert.Contains("Schéma mis à jour", firstOut, StringComparison.Ordinal);
            Assert.Contains("0001_initial.sql", firstOut, StringComparison.Ordinal);
            Assert.Contains("0002_member_text_unbounded.sql", firstOut, StringComparison.Ordinal);
            Assert.Equal(0, second);
            Assert.Contains("Schéma déjà à jour", secondOut, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(folder, "depot"))); // migrate touches no data folder
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Says_in_french_that_sql_server_is_unreachable_and_exits_2()
    {
        // a child process: the provider comes from the environment, which must not leak into the other tests
        using var process = CleaNumProcess.Start(
            "migrate --db \"Server=tcp:127.0.0.1,1;Database=CleaNum;User ID=dba;Password=Secret-9;Connect Timeout=5;Encrypt=False\"",
            new Dictionary<string, string> { ["CLEANUM__Storage__Provider"] = "SqlServer" });

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(2, process.ExitCode);
        Assert.True(process.StandardError.Contains("Erreur : Base de données injoignable", StringComparison.Ordinal), process.StandardError);
        Assert.DoesNotContain("Secret-9", process.StandardError, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await CleaNumCommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
