using CleaNum.Core.Mail;
using CleaNum.Core.Ports;

namespace CleaNum.Storage.Tests;

public sealed class MailRepositoryTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Providers => TestDatabase.AvailableProviders();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Queues_a_message_once_per_key(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var repository = new MailRepository(db.Connections);

        MemberMail? first = await repository.EnqueueAsync(AMail("report:1"), None);
        MemberMail? again = await repository.EnqueueAsync(AMail("report:1") with { Subject = "autre" }, None);

        Assert.NotNull(first);
        Assert.Null(again);
        MemberMail due = Assert.Single(await repository.GetDueAsync(Now, None));
        Assert.Equal(first.Id, due.Id);
        Assert.Equal(["rapports/732829320/a.xlsx", "rapports/732829320/b.xlsx"], due.Attachments);
        Assert.Equal(MailState.Pending, due.State);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Lets_only_one_sender_take_a_message(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var one = new MailRepository(db.Connections);
        var other = new MailRepository(db.Connections);
        MemberMail mail = (await one.EnqueueAsync(AMail("report:1"), None))!;

        bool taken = await one.TryStartSendingAsync(mail.Id, Now, None);
        bool takenTwice = await other.TryStartSendingAsync(mail.Id, Now, None);

        Assert.True(taken);
        Assert.False(takenTwice);
        Assert.Empty(await one.GetDueAsync(Now.AddDays(1), None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Marks_a_message_caught_sending_by_a_crash_as_interrupted_and_never_due_again(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var repository = new MailRepository(db.Connections);
        MemberMail sending = (await repository.EnqueueAsync(AMail("report:1"), None))!;
        MemberMail pending = (await repository.EnqueueAsync(AMail("report:2"), None))!;
        await repository.TryStartSendingAsync(sending.Id, Now, None);

        int interrupted = await new MailRepository(db.Connections).MarkInterruptedAsync(Now, None);

        Assert.Equal(1, interrupted);
        Assert.Equal(pending.Id, Assert.Single(await repository.GetDueAsync(Now.AddDays(1), None)).Id);
        MemberMail latest = (await repository.GetLatestPerMemberAsync(null, None))["732829320"];
        Assert.Equal(pending.Id, latest.Id);
        Assert.Equal(MailState.Interrupted, (await repository.GetByMemberAsync("732829320", None))[0].State);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Retries_later_then_keeps_the_failure(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var repository = new MailRepository(db.Connections);
        MemberMail mail = (await repository.EnqueueAsync(AMail("report:1"), None))!;
        await repository.TryStartSendingAsync(mail.Id, Now, None);

        await repository.MarkRetryAsync(mail.Id, Now.AddMinutes(2), "le serveur SMTP n'a pas répondu à temps", None);

        Assert.Empty(await repository.GetDueAsync(Now.AddMinutes(1), None));
        MemberMail retry = Assert.Single(await repository.GetDueAsync(Now.AddMinutes(3), None));
        Assert.Equal(1, retry.Attempts);
        await repository.TryStartSendingAsync(mail.Id, Now, None);
        await repository.MarkFailedAsync(mail.Id, Now, "le serveur SMTP a répondu 550", None);
        MemberMail failed = Assert.Single(await repository.GetByMemberAsync("732829320", None));
        Assert.Equal((MailState.Failed, 2, "le serveur SMTP a répondu 550"), (failed.State, failed.Attempts, failed.LastError));
        Assert.Empty(await repository.GetDueAsync(Now.AddDays(30), None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Gives_each_members_latest_reminder_and_erases_a_member(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var repository = new MailRepository(db.Connections);
        await repository.EnqueueAsync(AMail("reminder:a") with { Kind = MailKind.Reminder }, None);
        MemberMail second = (await repository.EnqueueAsync(AMail("reminder:b") with { Kind = MailKind.Reminder }, None))!;
        await repository.EnqueueAsync(AMail("report:9"), None);
        await repository.EnqueueAsync(AMail("report:10") with { Siren = "552081317" }, None);
        await ((IReportLog)repository).RecordAsync(AReport(), None);

        IReadOnlyDictionary<string, MemberMail> reminders = await repository.GetLatestPerMemberAsync(MailKind.Reminder, None);
        int erased = await repository.DeleteByMemberAsync("732829320", None);

        Assert.Equal(second.Id, Assert.Single(reminders).Value.Id);
        Assert.Equal(4, erased); // three messages and one report
        Assert.Empty(await repository.GetByMemberAsync("732829320", None));
        Assert.Single(await repository.GetByMemberAsync("552081317", None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Remembers_the_first_and_the_latest_report_of_a_submission(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        IReportLog log = new MailRepository(db.Connections);
        IssuedReport first = await log.RecordAsync(AReport(), None);
        await log.RecordAsync(AReport() with { Reason = MailKind.Duplicate, ReportPath = "rapports/732829320/doublons/x.xlsx" }, None);
        IssuedReport reissued = await log.RecordAsync(AReport() with { Reason = MailKind.Reissue, Verdict = "other", ReportPath = "rapports/732829320/r2.xlsx" }, None);

        Assert.Equal(first.Id, (await log.GetFirstAsync(7, None))!.Id);
        Assert.Equal(reissued.Id, (await log.GetLatestAsync([7, 8], None))[7].Id);
        Assert.Equal("rapports/732829320/r2.xlsx", (await log.GetLatestPerMemberAsync(None))["732829320"].ReportPath);
        Assert.Null(await log.GetFirstAsync(8, None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Records_every_field_of_an_issued_report_exactly(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        IReportLog log = new MailRepository(db.Connections);
        IssuedReport full = AReport() with
        {
            Reason = MailKind.Reissue,
            AnnotatedPath = "rapports/732829320/CleANum-ACME-annote.xlsx",
            WarningCount = 5,
            IssuedAtUtc = new DateTime(2025, 12, 3, 18, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567),
        };
        IssuedReport bare = AReport() with { Siren = null, SubmissionId = 8, AnnotatedPath = null, ErrorCount = 0 };

        IssuedReport storedFull = await log.RecordAsync(full, None);
        IssuedReport storedBare = await log.RecordAsync(bare, None);
        IssuedReport? readFull = await log.GetFirstAsync(7, None);

        Assert.Equal(full with { Id = storedFull.Id }, readFull);
        Assert.Equal(DateTimeKind.Utc, readFull!.IssuedAtUtc.Kind);
        Assert.Equal(bare with { Id = storedBare.Id }, await log.GetFirstAsync(8, None));
        Assert.True(storedBare.Id > storedFull.Id);
    }

    private static IssuedReport AReport() => new()
    {
        Siren = "732829320",
        SubmissionId = 7,
        ReportPath = "rapports/732829320/CleANum-ACME-Rapport-031226.xlsx",
        Verdict = "abc",
        ErrorCount = 2,
        IssuedAtUtc = Now,
    };

    private static MemberMail AMail(string key) => new()
    {
        Key = key,
        Kind = MailKind.Report,
        Siren = "732829320",
        MemberName = "ACME Formation",
        SubmissionId = 1,
        To = "contact@acme.fr",
        Subject = "CléA numérique – ACME Formation : refusé",
        TextBody = "Bonjour",
        HtmlBody = "<p>Bonjour</p>",
        Attachments = ["rapports/732829320/a.xlsx", "rapports/732829320/b.xlsx"],
        MessageId = $"{Guid.NewGuid():N}@reseau.fr",
        CreatedAtUtc = Now,
        NextAttemptAtUtc = Now,
    };
}
