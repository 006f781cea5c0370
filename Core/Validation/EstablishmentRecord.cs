using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>One data row of <c>Etablissements</c>. <see cref="MemberSiren"/> is the member's SIREN when it is valid
/// (SIRET_SIREN_MISMATCH is checked only then).</summary>
internal sealed class EstablishmentRecord(RawSheet sheet, RawRecord record, string? memberSiren) : SheetRecord(sheet, record)
{
    public string? MemberSiren { get; } = memberSiren;
}
