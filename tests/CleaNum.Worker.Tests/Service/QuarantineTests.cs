using System.Reflection;
using CleaNum.Core.Ports;
using Microsoft.Data.Sqlite;

namespace CleaNum.Worker.Tests.Service;

/// <summary>
/// A file that keeps making the ingestion fail (a bug, not the database, not a lock) is refused through the pipeline
/// after <c>CleaNum:Inbox:MaxAttempts</c>: a row, a report and <c>refuses/</c>, like any refused file.
/// </summary>
public sealed class QuarantineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_file_that_fails_every_attempt_is_refused_with_a_row_and_a_report()
    {
        // Without a roster the pipeline asks the store for the members already known: that query plays the bug.
        await using var service = ServiceFixture.Create(
            withRoster: false,
            settings: new Dictionary<string, string?> { ["CleaNum:Inbox:MaxAttempts"] = "2" },
            configure: services => services.Decorate<ISubmissionStore>(FailingStore.Wrap));
        await service.StartAsync();

        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), service.Depot("acme.xlsx"));

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count == 1, Timeout));
        Assert.Equal("acme.xlsx", Path.GetFileName(Assert.Single(ServiceFixture.Files(service.Data.Refused)))[13..]);
        Assert.Empty(ServiceFixture.Files(service.Data.Archives));
        Assert.Empty(Directory.EnumerateFiles(service.Data.Depot, "*", SearchOption.AllDirectories));
        Assert.Equal(2, FailingStore.Failures);
        Assert.Equal(1, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
        Assert.Equal("refused", Query(service.Data.DatabasePath, "SELECT status FROM submission WHERE file_name = 'acme.xlsx'"));
        Assert.Contains("a échoué 2 fois", Query(service.Data.DatabasePath,
            "SELECT i.message FROM issue i JOIN submission s ON s.id = i.submission_id WHERE i.code = 'FILE_UNREADABLE'"), StringComparison.Ordinal);
        string sha256 = Query(service.Data.DatabasePath, "SELECT sha256 FROM submission");
        Assert.StartsWith(sha256[..12], Path.GetFileName(ServiceFixture.Files(service.Data.Refused)[0]), StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFiles(service.Data.Reports, "*Rapport*.xlsx", SearchOption.AllDirectories));
        Assert.False(service.Dispatcher.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task A_file_whose_refusal_fails_the_same_way_is_set_aside_in_refuses_rather_than_retried_forever()
    {
        await using var service = ServiceFixture.Create(
            settings: new Dictionary<string, string?> { ["CleaNum:Inbox:MaxAttempts"] = "2" },
            configure: services => services.Decorate<IMemberReportWriter>(_ => new CrashingReportWriter()));
        await service.StartAsync();

        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), service.Depot("acme.xlsx"));

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count == 1, Timeout));
        Assert.Equal("acme.xlsx", Path.GetFileName(Assert.Single(ServiceFixture.Files(service.Data.Refused)))[13..]);
        Assert.Empty(Directory.EnumerateFiles(service.Data.Depot, "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(service.Data.InProgress, "*", SearchOption.AllDirectories));
        Assert.Equal(1, ServiceFixture.SubmissionCount(service.Data.DatabasePath)); // stored once, never twice
        Assert.False(service.Dispatcher.ExecuteTask!.IsCompleted);
    }

    private static string Query(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    private sealed class CrashingReportWriter : IMemberReportWriter
    {
        public MemberReportFiles Write(MemberReportRequest request, string outputFolder) =>
            throw new InvalidOperationException("a bug in the report");
    }

    /// <summary>The real store, except <see cref="ISubmissionStore.GetMemberSirensAsync"/>, which throws as a bug would
    /// (whatever else the port gains, it is passed through).</summary>
    public class FailingStore : DispatchProxy
    {
        private static int _failures;

        private ISubmissionStore _inner = null!;

        public static int Failures => _failures;

        public static ISubmissionStore Wrap(ISubmissionStore inner)
        {
            ISubmissionStore proxy = Create<ISubmissionStore, FailingStore>();
            ((FailingStore)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(ISubmissionStore.GetMemberSirensAsync))
            {
                Interlocked.Increment(ref _failures);
                throw new InvalidOperationException("a bug in a query");
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
                throw;
            }
        }
    }
}
