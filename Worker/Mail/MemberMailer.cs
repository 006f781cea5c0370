using System.Globalization;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Mail;

/// <summary>A member report just written: what it is about and why (first report, duplicate, re-issue).</summary>
internal sealed record ReportNotice(
    MailKind Kind,
    Submission Reported,
    MemberReportFiles Files,
    NetworkRoster? Roster,
    string Key,
    Submission? DuplicateOf = null,
    IssuedReport? FirstReport = null);

/// <summary>
/// Records each issued report (<see cref="IReportLog"/>) and queues, once, the message that carries it to the member
/// (<see cref="IMailStore"/>): to the « Courriel du contact » of the member's own file, else to the roster's
/// <c>Courriel</c>; never to any other address. Queuing is one insert; <see cref="MailDispatcher"/> (or the one-shot
/// verb at its end) sends.
/// </summary>
internal sealed class MemberMailer(
    IMailStore mails,
    IReportLog reports,
    IMailTransport transport,
    MailSignal signal,
    DataFolder data,
    IOptions<CleaNumOptions> options,
    TimeProvider time,
    ILogger<MemberMailer> logger)
{
    public bool IsEnabled => transport.IsEnabled;

    public async Task<MemberMail?> ReportIssuedAsync(ReportNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        Submission reported = notice.Reported;
        long submissionId = notice.DuplicateOf?.Id ?? reported.Id;
        DateTime now = time.GetUtcNow().UtcDateTime;
        if (submissionId > 0)
        {
            await reports.RecordAsync(new IssuedReport
            {
                Siren = reported.Siren,
                SubmissionId = submissionId,
                Reason = notice.Kind == MailKind.Reminder ? MailKind.Report : notice.Kind,
                ReportPath = Relative(notice.Files.ReportPath),
                AnnotatedPath = notice.Files.AnnotatedPath is null ? null : Relative(notice.Files.AnnotatedPath),
                Verdict = Verdicts.Of(reported.Issues),
                ErrorCount = reported.Issues.Count(i => i.Severity == Severity.Error),
                WarningCount = reported.Issues.Count(i => i.Severity == Severity.Warning),
                IssuedAtUtc = now,
            }, cancellationToken);
        }

        if (!transport.IsEnabled)
        {
            return null;
        }

        string? address = AddressOf(reported, notice.DuplicateOf, notice.Roster);
        if (address is null)
        {
            logger.MailNoAddress(reported.Siren, notice.Files.ReportPath);
            return null;
        }

        List<string> attachments = [Relative(notice.Files.ReportPath)];
        string? annotated = notice.Files.AnnotatedPath ?? notice.FirstReport?.AnnotatedPath;
        if (annotated is not null)
        {
            attachments.Add(notice.Files.AnnotatedPath is null ? annotated : Relative(annotated));
        }

        string memberName = MemberName(reported, notice.Roster);
        MailContent content = MemberMailComposer.Report(new ReportMailFacts
        {
            Kind = notice.Kind,
            MemberName = memberName,
            Siren = reported.Siren,
            FileName = reported.FileName,
            ReceivedAtUtc = notice.DuplicateOf?.ReceivedAtUtc ?? reported.ReceivedAtUtc,
            Status = notice.DuplicateOf?.Status ?? reported.Status,
            HasData = (notice.DuplicateOf ?? reported).Data is not null,
            Issues = reported.Issues.Where(i => i.Code != IssueCodes.FileDuplicate).ToList(),
            Deadline = Deadline(reported.Campaign),
            HeadName = HeadName(notice.Roster),
            AttachmentNames = [.. attachments.Select(Path.GetFileName).OfType<string>()],
            FirstReportAtUtc = notice.FirstReport?.IssuedAtUtc,
            FirstReportName = notice.FirstReport is null ? null : Path.GetFileName(notice.FirstReport.ReportPath),
        });

        return await EnqueueAsync(new MemberMail
        {
            Key = notice.Key,
            Kind = notice.Kind,
            Siren = reported.Siren,
            MemberName = memberName,
            SubmissionId = submissionId > 0 ? submissionId : null,
            To = address,
            Subject = content.Subject,
            TextBody = content.TextBody,
            HtmlBody = content.HtmlBody,
            Attachments = attachments,
            ReportPath = Relative(notice.Files.ReportPath),
            MessageId = transport.NewMessageId(),
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        }, cancellationToken);
    }

    /// <summary>Queues a prepared message (a reminder); null when Off or already queued under that key.</summary>
    public async Task<MemberMail?> EnqueueAsync(MemberMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (!transport.IsEnabled)
        {
            return null;
        }

        MemberMail? queued = await mails.EnqueueAsync(mail, cancellationToken);
        if (queued is not null)
        {
            logger.MailQueued(queued.Id, queued.Kind, queued.Siren);
            signal.Notify();
        }

        return queued;
    }

    public string NewMessageId() => transport.NewMessageId();

    /// <summary>The member's own file first (« Courriel du contact »), else the roster's <c>Courriel</c>.</summary>
    public static string? AddressOf(Submission reported, Submission? duplicateOf, NetworkRoster? roster)
    {
        string? own = (reported.Data ?? duplicateOf?.Data)?.Organisation.MainContact.Email;
        if (!string.IsNullOrWhiteSpace(own))
        {
            return own.Trim();
        }

        string? siren = reported.Siren ?? duplicateOf?.Siren;
        return siren is null ? null : RosterAddress(siren, roster);
    }

    public static string? RosterAddress(string siren, NetworkRoster? roster) =>
        roster?.Members.FirstOrDefault(m => m.Siren == siren)?.Email is { Length: > 0 } email ? email.Trim() : null;

    public string HeadName(NetworkRoster? roster) =>
        roster?.Head.Name is { Length: > 0 } name ? name : options.Value.NetworkHeadName;

    public DateOnly Deadline(int campaign) =>
        options.Value.SubmissionDeadline ?? new DateOnly(campaign > 0 ? campaign : time.GetUtcNow().Year, 12, 31);

    public static string MemberName(Submission reported, NetworkRoster? roster)
    {
        if (!string.IsNullOrWhiteSpace(reported.MemberName))
        {
            return reported.MemberName;
        }

        if (reported.Data?.Organisation.Name is { Length: > 0 } name)
        {
            return name;
        }

        if (roster?.Members.FirstOrDefault(m => m.Siren == reported.Siren)?.Name is { Length: > 0 } rosterName)
        {
            return rosterName;
        }

        return reported.Siren is null
            ? Path.GetFileNameWithoutExtension(reported.FileName)
            : string.Create(CultureInfo.InvariantCulture, $"SIREN {reported.Siren}");
    }

    public string Relative(string path) =>
        DataFolder.IsInside(path, data.Root) ? Path.GetRelativePath(data.Root, path).Replace('\\', '/') : path;
}
