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
    /// <summary>Excel column letter(s) of the faulty cell when known (e.g. "C"), so reports can point at "C7".</summary>
    public string? CellAddress { get; init; }
}
