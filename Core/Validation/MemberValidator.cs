using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using FluentValidation;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;
using FvSeverity = FluentValidation.Severity;
using Org = CleaNum.Core.Workbook.MemberWorkbookSchema.Org;

namespace CleaNum.Core.Validation;

/// <summary>
/// Member-level rules (rules.md "Member level", plus SIRET_DUPLICATE and the empty <c>Etablissements</c> sheet, which
/// look at several rows). CV_*_MISSING is an error up to <see cref="ValidationSettings.LargeNetworkThreshold"/>
/// members, a warning above. The CV rules are skipped when the <c>Intervenants</c> sheet is absent (SHEET_MISSING says it).
/// </summary>
internal sealed class MemberValidator : AbstractValidator<MemberRecord>
{
    public MemberValidator()
    {
        RuleFor(m => m.Establishments)
            .Must((m, rows) => m.EstablishmentSheet is null || rows.Count > 0)
            .WithErrorCode(IssueCodes.Required)
            .WithMessage(NoEstablishmentMessage)
            .WithState(m => IssueCatalog.Create(
                IssueCodes.Required,
                NoEstablishmentMessage(m),
                m.EstablishmentSheet!.SheetName,
                m.EstablishmentSheet.HeaderRow + 1,
                hint: "Ajoutez une ligne par établissement ou site exerçant l'activité CléA numérique (au moins le siège)."))
            .WithSeverity(FvSeverity.Error);

        RuleForEach(m => m.DuplicateSirets)
            .Must(_ => false)
            .WithErrorCode(IssueCodes.SiretDuplicate)
            .WithMessage((_, d) => DuplicateMessage(d))
            .WithState((_, d) => d.Record.Issue(IssueCodes.SiretDuplicate, Est.Siret, DuplicateMessage(d), d.Siret))
            .WithSeverity(FvSeverity.Error);

        CvRule(IssueCodes.CvEvaluatorMissing, m => m.EvaluatorCvCount, "Aucun CV d'évaluateur n'est fourni : la feuille Intervenants ne compte aucune personne au rôle Évaluateur ou Évaluateur et formateur.");
        CvRule(IssueCodes.CvTrainerMissing, m => m.TrainerCvCount, "Aucun CV de formateur n'est fourni : la feuille Intervenants ne compte aucune personne au rôle Formateur ou Évaluateur et formateur.");

        HrRule(Org.EvaluatorCount, m => m.Organisation?.EvaluatorCount, m => m.EvaluatorCvCount, "évaluateur", "d'évaluateur");
        HrRule(Org.TrainerCount, m => m.Organisation?.TrainerCount, m => m.TrainerCvCount, "formateur", "de formateur");

        RuleFor(m => m.Organisation)
            .Must((m, org) => m.Settings.Roster is null || org?.Siren is null || m.RosterMember is not null)
            .WithErrorCode(IssueCodes.MemberNotInRoster)
            .WithMessage(NotInRosterMessage)
            .WithState(m => SirenIssue(m, IssueCodes.MemberNotInRoster, NotInRosterMessage(m)))
            .WithSeverity(FvSeverity.Warning);

        RuleFor(m => m.RosterMember)
            .Must(member => member?.MandateReceived != false)
            .WithErrorCode(IssueCodes.MandateMissing)
            .WithMessage(MandateMessage)
            .WithState(m => SirenIssue(m, IssueCodes.MandateMissing, MandateMessage(m)))
            .WithSeverity(FvSeverity.Error);
    }

    private static string NoEstablishmentMessage(MemberRecord m) =>
        "La feuille Etablissements ne contient aucun établissement : une habilitation en demande au moins un.";

    private static string DuplicateMessage(SiretDuplicate d) =>
        $"Le SIRET {IssueMessages.Identifier(d.Siret, 14)} figure déjà ligne {d.FirstRow} à la même adresse : chaque site ne doit être déclaré qu'une fois "
        + "(deux sites d'un même SIRET sont acceptés lorsque leurs adresses diffèrent).";

    private static string NotInRosterMessage(MemberRecord m) =>
        $"Le SIREN {IssueMessages.Identifier(m.Organisation?.Siren ?? "", 9)} ne figure pas dans la liste des membres du réseau ({NetworkWorkbookSchema.FileName}).";

    private static string MandateMessage(MemberRecord m) =>
        $"La tête de réseau n'a pas reçu la lettre de mandat de {(string.IsNullOrWhiteSpace(m.Organisation?.Name) ? "l'organisme" : m.Organisation.Name)} "
        + $"(SIREN {IssueMessages.Identifier(m.Organisation?.Siren ?? "", 9)}).";

    private static Issue SirenIssue(MemberRecord m, string code, string message) =>
        m.OrganisationRecord is { } record
            ? record.Issue(code, Org.Siren, message, m.Organisation?.Siren)
            : IssueCatalog.Create(code, message, value: m.Organisation?.Siren);

    private static Issues.Severity CvSeverity(MemberRecord m) =>
        Consolidation.NetworkSize.IsLarge(m.Settings.NetworkSizeFor(m.Organisation?.Siren), m.Settings.LargeNetworkThreshold)
            ? Issues.Severity.Warning
            : Issues.Severity.Error;

    private void CvRule(string code, Func<MemberRecord, int> count, string message) =>
        RuleFor(m => count(m))
            .GreaterThan(0)
            .When(m => m.IntervenantSheet is not null)
            .WithErrorCode(code)
            .WithMessage(message)
            .WithState(m => IssueCatalog.Create(code, message, m.IntervenantSheet!.SheetName, severity: CvSeverity(m)))
            .WithSeverity(m => IssueFailures.ToFluent(CvSeverity(m)))
            .OverridePropertyName(code);

    private void HrRule(string key, Func<MemberRecord, int?> declared, Func<MemberRecord, int> cvs, string role, string ofRole)
    {
        string Message(MemberRecord m) => declared(m) == 0
            ? $"Aucun {role} mobilisable n'est déclaré (0) : l'habilitation en demande au moins un."
            : $"{declared(m)} {role}(s) mobilisable(s) déclaré(s), mais {cvs(m)} CV {ofRole} fourni(s) dans la feuille Intervenants.";

        RuleFor(m => declared(m))
            .Must((m, n) => n is null || (n > 0 && n >= cvs(m)))
            .WithErrorCode(IssueCodes.HrCountInconsistent)
            .WithMessage((m, _) => Message(m))
            .WithState(m => m.OrganisationRecord!.Issue(IssueCodes.HrCountInconsistent, key, Message(m), declared(m)?.ToString(IssueMessages.French)))
            .WithSeverity(FvSeverity.Error)
            .OverridePropertyName(key);
    }
}
