using CleaNum.Core.Issues;
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

    private static string Siret(EstablishmentRecord r) => SiretOwnership.Display(r, Est.Siret);

    private static string? SiretDigits(EstablishmentRecord r) => SiretOwnership.Digits(r, Est.Siret);
}
