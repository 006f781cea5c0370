using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;

namespace CleaNum.Core.Validation;

/// <summary>Rules of one <c>Etablissements</c> row. An empty région is derived from the postal code without comment.</summary>
internal sealed class EstablishmentValidator : SheetRecordValidator<EstablishmentRecord>
{
    public EstablishmentValidator()
        : base(MemberWorkbookSchema.Etablissements)
    {
        IssueRule(Est.PostalCode, (r, _) => AddressRules.CheckPostalCode(r, Est.PostalCode));
        IssueRule(Est.Region, (r, _) => AddressRules.CheckRegion(r, Est.PostalCode, Est.Region, regionRequired: false));

        FixedRule(
            Est.Siret,
            IssueCodes.SiretSirenMismatch,
            r => r.MemberSiren is null
                 || SiretDigits(r) is not { } siret
                 || siret.StartsWith(r.MemberSiren, StringComparison.Ordinal),
            r => $"Le SIRET {Siret(r)} n'appartient pas au SIREN de l'organisme ({IssueMessages.Identifier(r.MemberSiren!, 9)}) : "
                 + "une habilitation couvre un seul SIREN.",
            value: r => SiretDigits(r) ?? r.Text(Est.Siret));
    }

    private static string Siret(EstablishmentRecord r) =>
        SiretDigits(r) is { } siret ? IssueMessages.Identifier(siret, 14) : r.Text(Est.Siret) ?? "";

    /// <summary>
    /// The 14 digits of a valid SIRET, or of a SIRET whose only fault is its check digit: a number of another company
    /// is reported as not belonging to the member even when it was also mistyped (SIRET_CHECKSUM and SIRET_SIREN_MISMATCH).
    /// </summary>
    private static string? SiretDigits(EstablishmentRecord r)
    {
        if (r.Cell(Est.Siret) is not { IsBlank: false } cell)
        {
            return null;
        }

        Parsed<string> parsed = CellParsers.Siret(cell);
        if (parsed.IsOk)
        {
            return parsed.Value;
        }

        if (parsed.ErrorCode != IssueCodes.SiretChecksum || CellParsers.Text(cell) is not { } text)
        {
            return null;
        }

        string digits = Parsing.Siret.Compact(text);
        return cell.Value is double && digits.Length == 13 ? "0" + digits : digits;
    }
}
