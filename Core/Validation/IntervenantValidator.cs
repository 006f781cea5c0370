using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;
using Person = CleaNum.Core.Workbook.MemberWorkbookSchema.Person;

namespace CleaNum.Core.Validation;

/// <summary>
/// Rules of one <c>Intervenants</c> row. The « SIRET de rattachement » is optional; when given it names the member's
/// establishment the person works from, so it must belong to the member's SIREN (SIRET_SIREN_MISMATCH). A SIRET of the
/// member that the Etablissements sheet does not list is accepted (rules.md has no code for it). When the optional
/// « Statut » column exists (template 2026.2), an empty or unlisted status is INTERVENANT_STATUS_MISSING (warning);
/// files without the column get nothing.
/// </summary>
internal sealed class IntervenantValidator : SheetRecordValidator<IntervenantRecord>
{
    public IntervenantValidator()
        : base(MemberWorkbookSchema.Intervenants)
    {
        FixedRule(
            Person.Year,
            IssueCodes.YearInvalid,
            r => YearRange.IsValid(r, Person.Year, r.Settings),
            r => YearRange.Message(r, Person.Year, r.Settings));

        FixedRule(
            Person.Siret,
            IssueCodes.SiretSirenMismatch,
            r => SiretOwnership.Belongs(r, Person.Siret, r.MemberSiren),
            r => $"Le SIRET de rattachement {SiretOwnership.Display(r, Person.Siret)} n'appartient pas à l'organisme "
                 + $"(SIREN {IssueMessages.Identifier(r.MemberSiren!, 9)}) : indiquez le SIRET de l'établissement de l'organisme "
                 + "depuis lequel la personne intervient, ou laissez la case vide.",
            hint: _ => "Le SIRET de rattachement est celui de l'établissement de l'organisme où la personne exerce : il commence par "
                       + "le SIREN de la feuille Organisme. Pour un intervenant extérieur (indépendant, sous-traitant), laissez la case vide.",
            value: r => SiretOwnership.Digits(r, Person.Siret) ?? r.Text(Person.Siret));

        FixedRule(
            Person.Status,
            IssueCodes.IntervenantStatusMissing,
            r => !r.IsFound(Person.Status) || IntervenantStatus.Recognise(r.Text(Person.Status)) is not null,
            r => r.Text(Person.Status) is { } typed
                ? $"Le statut « {typed} » de {Who(r)} n'est pas l'un de ceux que Certif Pro attend (Salarié, Indépendant, Sous-traitant, Bénévole, Autre)."
                : $"Le statut de {Who(r)} n'est pas renseigné : Certif Pro demande que chaque CV le précise.");
    }

    private static string Who(IntervenantRecord r) =>
        string.Join(' ', new[] { r.Text(Person.FirstName), r.Text(Person.LastName) }.Where(s => s is not null)) is { Length: > 0 } name
            ? name
            : "l'intervenant";
}
