using System.Globalization;
using CleaNum.Core;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Worker.Consolidation;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Mail;

/// <summary>What <c>relancer</c> does (or would do) for one member.</summary>
internal enum ReminderOutcome
{
    WouldSend = 0,
    Queued = 1,
    AlreadyQueued = 2,
    NoAddress = 3,
    RecentlyReminded = 4,
}

internal sealed record ReminderCandidate(
    string Siren,
    string Name,
    ReminderReason Reason,
    string? To,
    ReminderOutcome Outcome,
    DateTime? LastReminderUtc);

/// <summary>
/// <c>relancer</c> and its job: roster members who sent nothing (« manquant ») and members whose latest file is refused
/// or in error (« en erreur ») get a reminder, at the address of their latest file (else the roster's <c>Courriel</c>),
/// at most one per member per <see cref="ReminderOptions.MinDays"/> (a reminder that failed for good does not count).
/// Queued like every message: recorded once, sent by the same delivery.
/// </summary>
internal sealed class ReminderService(
    ConsolidationService consolidation,
    ISubmissionStore store,
    IMailStore mails,
    IReportLog reports,
    MemberMailer mailer,
    IRosterSource rosters,
    DataFolder data,
    IOptions<ReminderOptions> options,
    TimeProvider time)
{
    public bool IsEnabled => mailer.IsEnabled;

    public async Task<IReadOnlyList<ReminderCandidate>> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        NetworkRoster? roster = rosters.Load(cancellationToken);
        NetworkConsolidation network = await consolidation.ConsolidateAsync(cancellationToken);
        IReadOnlyDictionary<string, MemberMail> lastReminders = await mails.GetLatestPerMemberAsync(MailKind.Reminder, cancellationToken);
        IReadOnlyDictionary<string, IssuedReport> lastReports = await reports.GetLatestPerMemberAsync(cancellationToken);
        DateTime now = time.GetUtcNow().UtcDateTime;
        DateTime recent = now.AddDays(-options.Value.MinDays);
        var candidates = new List<ReminderCandidate>();
        foreach (ConsolidatedMember member in network.Members)
        {
            ReminderReason? reason = member.State switch
            {
                MemberState.Missing => ReminderReason.NothingReceived,
                MemberState.InError => ReminderReason.LatestRefused,
                _ => null,
            };
            if (reason is not { } why)
            {
                continue;
            }

            Submission? latest = await MemberFollowUps.LatestAsync(store, member, cancellationToken);
            string? to = latest?.Data?.Organisation.MainContact.Email is { Length: > 0 } own ? own : MemberMailer.RosterAddress(member.Siren, roster);
            MemberMail? previous = lastReminders.TryGetValue(member.Siren, out MemberMail? p) && p.State != MailState.Failed ? p : null;
            ReminderOutcome outcome =
                previous is not null && previous.CreatedAtUtc > recent ? ReminderOutcome.RecentlyReminded
                : to is null ? ReminderOutcome.NoAddress
                : dryRun ? ReminderOutcome.WouldSend
                : await QueueAsync(member, why, to, lastReports.GetValueOrDefault(member.Siren), network, cancellationToken);
            candidates.Add(new ReminderCandidate(member.Siren, member.Name, why, to, outcome, previous?.CreatedAtUtc));
        }

        return candidates;
    }

    private async Task<ReminderOutcome> QueueAsync(
        ConsolidatedMember member, ReminderReason reason, string to, IssuedReport? report, NetworkConsolidation network, CancellationToken cancellationToken)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        List<string> attachments = reason == ReminderReason.LatestRefused && report is not null
            ? [.. new[] { report.ReportPath, report.AnnotatedPath }.OfType<string>().Where(p => File.Exists(Path.Combine(data.Root, p)))]
            : [];
        MailContent content = MemberMailComposer.Reminder(new ReminderFacts
        {
            Reason = reason,
            MemberName = member.Name,
            Siren = member.Siren,
            LatestFileName = member.Latest?.FileName,
            LatestReceivedAtUtc = member.Latest?.ReceivedAtUtc,
            ErrorCount = member.ErrorCount,
            ReportName = report is null ? null : Path.GetFileName(report.ReportPath),
            Deadline = mailer.Deadline(network.Campaign),
            HeadName = network.HeadName,
        });
        string day = ParisTime.ToParis(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        MemberMail? queued = await mailer.EnqueueAsync(new MemberMail
        {
            Key = $"reminder:{member.Siren}:{day}",
            Kind = MailKind.Reminder,
            Siren = member.Siren,
            MemberName = member.Name,
            To = to,
            Subject = content.Subject,
            TextBody = content.TextBody,
            HtmlBody = content.HtmlBody,
            Attachments = attachments,
            ReportPath = attachments.Count > 0 ? attachments[0] : null,
            MessageId = mailer.NewMessageId(),
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        }, cancellationToken);
        return queued is null ? ReminderOutcome.AlreadyQueued : ReminderOutcome.Queued;
    }
}
