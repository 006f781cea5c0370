using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Consolidation;

/// <summary>
/// What the consolidation reads from the store and the roster.
/// <see cref="CurrentVersions"/>: each member's latest accepted submission of the campaign, with data
/// (<see cref="ISubmissionStore.GetCurrentVersionsAsync"/>). <see cref="LatestFiles"/>: each member's latest submission
/// whatever its status (<see cref="ISubmissionStore.GetMemberStatusesAsync"/>). <see cref="Versions"/>: for SIRENs that
/// received more than one file or whose latest file was refused, every version (<see cref="ISubmissionStore.GetVersionsAsync"/>,
/// oldest first, without data — except when several organisation names claim the SIREN: then with data, so that a
/// rename (same NDA or contact e-mail) is told from a SIREN_CONFLICT); other SIRENs may be absent.
/// </summary>
public sealed record ConsolidationInput(
    int Campaign,
    string HeadName,
    NetworkRoster? Roster,
    IReadOnlyList<Submission> CurrentVersions,
    IReadOnlyList<MemberStatus> LatestFiles,
    IReadOnlyDictionary<string, IReadOnlyList<Submission>> Versions)
{
    /// <summary>True when a SIREN's versions carry several organisation names (case and accents aside): then they must
    /// come with their data, so that a rename (same NDA or contact e-mail) is told from a SIREN_CONFLICT.</summary>
    public static bool HasSeveralNames(IEnumerable<Submission> versions) =>
        versions.Where(v => !string.IsNullOrWhiteSpace(v.MemberName))
            .Select(v => LabelText.Normalize(v.MemberName))
            .Distinct(StringComparer.Ordinal)
            .Skip(1)
            .Any();
}
