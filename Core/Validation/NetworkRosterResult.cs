using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Validation;

/// <summary>
/// The roster (null when the file is unreadable or has no <c>Membres</c> sheet) and every issue, reader issues
/// included. Members whose SIREN is invalid are reported and left out of <see cref="Roster"/>.
/// </summary>
public sealed record NetworkRosterResult(NetworkRoster? Roster, IReadOnlyList<Issue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity == Severity.Error);
}
