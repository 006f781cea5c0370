using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Validation;

/// <summary>The normalised member (best effort: null only when the <c>Organisme</c> sheet is unusable) and every
/// issue, reader issues included, sorted by sheet order then row.</summary>
public sealed record MemberValidationResult(MemberData? Member, IReadOnlyList<Issue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity == Severity.Error);

    public bool HasWarnings => Issues.Any(i => i.Severity == Severity.Warning);
}
