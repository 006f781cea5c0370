namespace CleaNum.Core.Workbook;

public sealed record SheetDefinition(
    string Key,
    string Name,
    SheetLayout Layout,
    bool Required,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<FieldDefinition> Fields)
{
    /// <summary>False for an optional sheet that earlier templates did not have: its absence is no issue at all
    /// (instead of the SHEET_MISSING warning of an optional sheet).</summary>
    public bool ReportWhenMissing { get; init; } = true;

    /// <summary>When the sheet is not found by name, how many of its labels a sheet's header must match for it to be
    /// taken by content (null: half the required fields, at least 2).</summary>
    public int? MinContentMatches { get; init; }

    public IEnumerable<string> AcceptedNames => Synonyms.Prepend(Name);

    public FieldDefinition Field(string key) =>
        Fields.FirstOrDefault(f => f.Key == key) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown field");
}
