using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Worker.Ingest;
using Microsoft.Extensions.Logging;

namespace CleaNum.Worker.Mail;

/// <summary>
/// Keeps each member's report true when something outside its file changes its verdict: the roster arrived, changed or
/// went (MEMBER_NOT_IN_ROSTER, MANDATE_MISSING are checked against the roster as it is now), or the network size crossed
/// the CV threshold (CV_*_MISSING is an error up to 50 members, a warning above: rules.md). The member's latest file is
/// restated — its own findings with today's CV severity, plus the roster findings of today — and when that differs from
/// what its last report said, the report is written again and sent again (once per new verdict). A refused file stays
/// refused in its restated report: it is in <c>refuses/</c>, not in the dossier, and only a new file replaces it.
/// </summary>
internal sealed class ReportReissuer(
    ISubmissionStore store,
    IReportLog reports,
    IMemberReportWriter writer,
    MemberMailer mailer,
    DataFolder data,
    TimeProvider time,
    ILogger<ReportReissuer> logger)
{
    public async Task<int> ReissueChangedAsync(NetworkConsolidation consolidation, NetworkRoster? roster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consolidation);
        var latestFiles = new List<(ConsolidatedMember Member, Submission Latest)>();
        foreach (ConsolidatedMember m in consolidation.Members)
        {
            if (await MemberFollowUps.LatestAsync(store, m, cancellationToken) is { Data: not null, Id: > 0 } latest)
            {
                latestFiles.Add((m, latest));
            }
        }

        IReadOnlyDictionary<long, IssuedReport> issued = await reports.GetLatestAsync([.. latestFiles.Select(f => f.Latest.Id)], cancellationToken);
        int count = 0;
        foreach ((ConsolidatedMember member, Submission latest) in latestFiles)
        {
            IReadOnlyList<Issue> restated = Restate(latest.Issues, member.Issues, consolidation.LargeNetwork);
            string verdict = Verdicts.Of(restated);
            string stated = issued.TryGetValue(latest.Id, out IssuedReport? last) ? last.Verdict : Verdicts.Of(latest.Issues);
            if (verdict == stated)
            {
                continue;
            }

            SubmissionStatus status = latest.Status == SubmissionStatus.Refused ? SubmissionStatus.Refused : IngestPipeline.StatusOf(restated);
            Submission reported = latest with { Issues = restated, Status = status };
            string original = data.FinalPath(latest.Status == SubmissionStatus.Refused,
                new DateTimeOffset(DateTime.SpecifyKind(latest.ReceivedAtUtc, DateTimeKind.Utc)), latest.Sha256, latest.FileName);
            MemberReportFiles files = writer.Write(new MemberReportRequest(reported, original, time.GetUtcNow()),
                data.ReportFolder(latest.Siren, latest.FileName));
            await mailer.ReportIssuedAsync(
                new ReportNotice(MailKind.Reissue, reported, files, roster, $"reissue:{latest.Id}:{verdict}"), cancellationToken);
            logger.ReportReissued(member.Siren);
            count++;
        }

        return count;
    }

    /// <summary>The file's own findings with the CV severity of today's network size, and the roster findings
    /// replaced by today's.</summary>
    internal static IReadOnlyList<Issue> Restate(IReadOnlyList<Issue> stored, IReadOnlyList<Issue> consolidated, bool largeNetwork) =>
    [
        .. stored.Where(i => !Verdicts.IsRosterCode(i.Code)).Select(i => NetworkSize.WithCvSeverity(i, largeNetwork)),
        .. consolidated.Where(i => Verdicts.IsRosterCode(i.Code)),
    ];
}
