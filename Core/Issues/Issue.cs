namespace CleaNum.Core.Issues;

/// <summary>
/// One finding, as described in <c>shared/spec/rules.md</c>. <see cref="Row"/> is the 1-based Excel row the member sees,
/// <see cref="Column"/> the header label (for form sheets, the label of the field). <see cref="Message"/> and
/// <see cref="Hint"/> are French, written for the member.
/// </summary>
public sealed record Issue(
    Severity Severity,
    string Code,
    string? Sheet,
    int? Row,
    string? Column,
    string? Value,
    string Message,
    string? Hint)
{
    /// <summary>Excel address of the faulty cell when known (e.g. "C7"), so reports can point at it.</summary>
    public string? CellAddress { get; init; }
}
