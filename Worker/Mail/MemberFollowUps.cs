using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;

namespace CleaNum.Worker.Mail;

/// <summary>Builds each member's <see cref="MemberFollowUp"/>: the address member e-mail goes to (the latest file's
/// « Courriel du contact », else the roster's <c>Courriel</c>), the latest report and the latest message.</summary>
internal sealed class MemberFollowUps(ISubmissionStore store, IMailStore mails, IReportLog reports)
{
    public async Task<IReadOnlyDictionary<string, MemberFollowUp>> ForAsync(
        NetworkConsolidation consolidation, NetworkRoster? roster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consolidation);
        IReadOnlyDictionary<string, MemberMail> lastMail = await mails.GetLatestPerMemberAsync(null, cancellationToken);
        IReadOnlyDictionary<string, IssuedReport> lastReport = await reports.GetLatestPerMemberAsync(cancellationToken);
        var result = new Dictionary<string, MemberFollowUp>(StringComparer.Ordinal);
        foreach (ConsolidatedMember m in consolidation.Members)
        {
            Submission? latest = await LatestAsync(store, m, cancellationToken);
            string? email = latest?.Data?.Organisation.MainContact.Email is { Length: > 0 } own
                ? own
                : MemberMailer.RosterAddress(m.Siren, roster);
            result[m.Siren] = new MemberFollowUp(
                email,
                lastReport.TryGetValue(m.Siren, out IssuedReport? report) ? report.ReportPath : null,
                lastMail.TryGetValue(m.Siren, out MemberMail? mail) ? mail : null);
        }

        return result;
    }

    /// <summary>The member's latest file with its data and issues: the current version when it is the latest, else
    /// loaded (a refused latest file); null for a roster member who sent nothing.</summary>
    public static async Task<Submission?> LatestAsync(ISubmissionStore store, ConsolidatedMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(member);
        if (member.Latest is null)
        {
            return null;
        }

        if (member.Current is { } current && current.Version == member.Latest.Version)
        {
            return current;
        }

        IReadOnlyList<Submission> versions = await store.GetVersionsAsync(member.Siren, cancellationToken);
        Submission? last = versions.Count == 0 ? null : versions[^1];
        return last is null ? null : await store.GetAsync(last.Id, cancellationToken) ?? last;
    }
}
