using CleaNum.Core.Ports;

namespace CleaNum.Storage.Tests;

/// <summary>
/// The repository and migrator theories run against SQL Server too when <c>CLEANUM_TEST_SQLSERVER</c> is set. This
/// fact makes the state visible in the test report: it is Skipped, with the reason, when no server is configured.
/// </summary>
public sealed class SqlServerSuiteTests
{
    [SqlServerFact]
    public async Task Runs_the_storage_suite_against_a_real_sql_server()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.SqlServer);

        StoreResult stored = await db.Store.AddAsync(ASubmission.Full(), CancellationToken.None);

        Assert.Equal(1, stored.Submission.Version);
        Assert.Equal(2, TestDatabase.AvailableProviders().Count);
    }
}
