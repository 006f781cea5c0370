using CleaNum.Core.Mail;
using CleaNum.Core.Ports;

namespace CleaNum.Storage.Tests;

/// <summary>service.md « Retention »: an erasure or a purge also removes the messages written to the member (they hold
/// the contact address and the issues as sent).</summary>
public sealed class RetentionMailTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Providers => TestDatabase.AvailableProviders();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Erasing_a_member_removes_its_messages_and_keeps_the_others(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var mails = new MailRepository(db.Connections);
        await mails.EnqueueAsync(AMail("report:1", "732829320", 1), None);
        await mails.EnqueueAsync(AMail("reminder:732829320", "732829320", null), None);
        await mails.EnqueueAsync(AMail("report:2", "552081317", 2), None);

        await new RetentionRepository(db.Connections).EraseMemberAsync("732829320",
            new PurgeRecord(Now, PurgeRecord.Erasure, "732829320", null, 0, 0, "test"), None);

        Assert.Empty(await mails.GetByMemberAsync("732829320", None));
        Assert.Single(await mails.GetByMemberAsync("552081317", None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Purging_a_version_removes_the_messages_about_it(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var mails = new MailRepository(db.Connections);
        await mails.EnqueueAsync(AMail("report:1", "732829320", 1), None);
        await mails.EnqueueAsync(AMail("report:2", "732829320", 2), None);

        await new RetentionRepository(db.Connections).PurgePersonalDataAsync([1],
            new PurgeRecord(Now, PurgeRecord.Retention, null, Now, 1, 0, "test"), None);

        MemberMail left = Assert.Single(await mails.GetByMemberAsync("732829320", None));
        Assert.Equal(2, left.SubmissionId);
    }

    private static MemberMail AMail(string key, string siren, long? submissionId) => new()
    {
        Key = key,
        Kind = key.StartsWith("reminder", StringComparison.Ordinal) ? MailKind.Reminder : MailKind.Report,
        Siren = siren,
        MemberName = "ACME Formation",
        SubmissionId = submissionId,
        To = "contact@acme.fr",
        Subject = "CléA numérique – ACME Formation : refusé",
        TextBody = "Bonjour",
        HtmlBody = "<p>Bonjour</p>",
        Attachments = [],
        MessageId = $"{Guid.NewGuid():N}@reseau.fr",
        CreatedAtUtc = Now,
        NextAttemptAtUtc = Now,
    };
}
