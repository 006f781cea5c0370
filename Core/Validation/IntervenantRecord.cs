using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>One data row of <c>Intervenants</c>.</summary>
internal sealed class IntervenantRecord(RawSheet sheet, RawRecord record, ValidationSettings settings) : SheetRecord(sheet, record)
{
    public ValidationSettings Settings { get; } = settings;

    /// <summary>The member's SIREN when it is valid: the « SIRET de rattachement » must then belong to it.</summary>
    public string? MemberSiren { get; init; }
}
