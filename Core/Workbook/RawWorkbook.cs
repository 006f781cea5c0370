using CleaNum.Core.Issues;

namespace CleaNum.Core.Workbook;

/// <summary>
/// What the reader got out of a file, before validation. <see cref="Issues"/> holds the structural findings of the
/// reader (FILE_*, SHEET_MISSING, COLUMN_MISSING, IDENTIFIER_PRECISION_LOST seen at read time…); sheets that were not
/// found are absent from <see cref="Sheets"/>.
/// </summary>
public sealed record RawWorkbook(string FileName, IReadOnlyList<RawSheet> Sheets, IReadOnlyList<Issue> Issues)
{
    public RawSheet? Sheet(string key) => Sheets.FirstOrDefault(s => s.Definition.Key == key);

    /// <summary>True when the reader could not open the file at all (a FILE_* error).</summary>
    public bool IsUnreadable => Issues.Any(i => i.Severity == Severity.Error && i.Code.StartsWith("FILE_", StringComparison.Ordinal));
}
