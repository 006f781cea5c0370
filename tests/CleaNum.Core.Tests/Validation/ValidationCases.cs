using CleaNum.Core.Issues;
using CleaNum.Core.Tests.Builders;
using CleaNum.Core.Validation;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;
using Keys = CleaNum.Core.Workbook.MemberWorkbookSchema.Keys;
using Org = CleaNum.Core.Workbook.MemberWorkbookSchema.Org;
using Act = CleaNum.Core.Workbook.MemberWorkbookSchema.Act;
using Person = CleaNum.Core.Workbook.MemberWorkbookSchema.Person;
using Ref = CleaNum.Core.Workbook.MemberWorkbookSchema.Ref;

namespace CleaNum.Core.Tests.Validation;

/// <summary>One crafted workbook and the issue it must produce (code, severity, sheet, Excel row, column label).</summary>
internal sealed record ValidationCase(
    Action<ARawWorkbook> Arrange,
    string Code,
    Severity Severity,
    string? Sheet,
    int? Row,
    string? Column,
    Func<ValidationSettings, ValidationSettings>? Settings = null);

/// <summary>The table of crafted workbooks: at least one per row-level and member-level code of rules.md.</summary>
internal static class ValidationCases
{
    private const string Organisme = "Organisme";
    private const string Etablissements = "Etablissements";
    private const string Intervenants = "Intervenants";
    private const string References = "References";
    private const string Activite = "Activite";

    public static IReadOnlyDictionary<string, ValidationCase> All { get; } = new Dictionary<string, ValidationCase>
    {
        ["required_organisation_name"] = AtOrganisation(w => w.WithOrganisation(Org.Name, "  "), IssueCodes.Required, Severity.Error, Org.Name),
        ["required_establishment_city"] = AtEstablishment(w => w.WithEstablishment(0, Est.City, null), IssueCodes.Required, Severity.Error, 0, Est.City),
        ["required_qualiopi_certificate_when_oui"] = AtOrganisation(w => w.WithOrganisation(Org.QualiopiCertificate, null), IssueCodes.Required, Severity.Error, Org.QualiopiCertificate),
        ["required_yes_no_unrecognised"] = AtOrganisation(w => w.WithOrganisation(Org.Qualiopi, "Peut-être"), IssueCodes.Required, Severity.Error, Org.Qualiopi),
        ["required_no_establishment"] = new(w => w.WithoutRows(Keys.Etablissements), IssueCodes.Required, Severity.Error, Etablissements, ARawWorkbook.FirstDataRow, null),
        ["siren_format"] = AtOrganisation(w => w.WithOrganisation(Org.Siren, "732 829 32"), IssueCodes.SirenFormat, Severity.Error, Org.Siren),
        ["siren_checksum"] = AtOrganisation(w => w.WithOrganisation(Org.Siren, "732829321"), IssueCodes.SirenChecksum, Severity.Error, Org.Siren),
        ["siret_format"] = AtEstablishment(w => w.WithEstablishment(0, Est.Siret, "7328293200007"), IssueCodes.SiretFormat, Severity.Error, 0, Est.Siret),
        ["siret_checksum"] = AtEstablishment(w => w.WithEstablishment(0, Est.Siret, "73282932000079"), IssueCodes.SiretChecksum, Severity.Error, 0, Est.Siret),
        ["siret_is_siren"] = AtEstablishment(w => w.WithEstablishment(1, Est.Siret, "732 829 320"), IssueCodes.SiretIsSiren, Severity.Error, 1, Est.Siret),
        ["identifier_precision_lost"] = AtEstablishment(w => w.WithEstablishment(0, Est.Siret, "7,32829E+13"), IssueCodes.IdentifierPrecisionLost, Severity.Error, 0, Est.Siret),
        ["intervenant_siret_checksum"] = AtRow(Keys.Intervenants, Intervenants, w => w.WithIntervenant(0, Person.Siret, "73282932000075"), IssueCodes.SiretChecksum, Severity.Error, 0, Person.Siret),
        ["siret_siren_mismatch"] = AtEstablishment(w => w.WithEstablishment(1, Est.Siret, "55208131766522"), IssueCodes.SiretSirenMismatch, Severity.Error, 1, Est.Siret),
        ["siret_duplicate"] = AtEstablishment(
            w => w.WithEstablishment(1, Est.Siret, 73282932000074d).WithEstablishment(1, Est.Address, "12, Rue de la République")
                  .WithEstablishment(1, Est.PostalCode, "69003").WithEstablishment(1, Est.City, "LYON"),
            IssueCodes.SiretDuplicate, Severity.Error, 1, Est.Siret),
        ["postal_code_format"] = AtOrganisation(w => w.WithOrganisation(Org.PostalCode, "690"), IssueCodes.PostalCodeFormat, Severity.Error, Org.PostalCode),
        ["postal_code_unknown_cedex"] = AtEstablishment(w => w.WithEstablishment(0, Est.PostalCode, "69998"), IssueCodes.PostalCodeUnknown, Severity.Warning, 0, Est.PostalCode),
        ["region_unknown_former_region"] = AtOrganisation(w => w.WithOrganisation(Org.Region, "Rhône-Alpes"), IssueCodes.RegionUnknown, Severity.Error, Org.Region),
        ["region_unknown_establishment"] = AtEstablishment(w => w.WithEstablishment(0, Est.Region, "Lyonnais"), IssueCodes.RegionUnknown, Severity.Error, 0, Est.Region),
        ["region_mismatch"] = AtEstablishment(w => w.WithEstablishment(0, Est.Region, "Bretagne"), IssueCodes.RegionMismatch, Severity.Warning, 0, Est.Region),
        ["region_mismatch_territory_without_region"] = AtEstablishment(
            w => w.WithEstablishment(1, Est.PostalCode, "97133").WithEstablishment(1, Est.City, "Saint-Barthélemy").WithEstablishment(1, Est.Region, null),
            IssueCodes.RegionMismatch, Severity.Warning, 1, Est.Region),
        ["naf_format"] = AtOrganisation(w => w.WithOrganisation(Org.Naf, "85.5"), IssueCodes.NafFormat, Severity.Error, Org.Naf),
        ["naf_unusual"] = AtOrganisation(w => w.WithOrganisation(Org.Naf, "47.11F"), IssueCodes.NafUnusual, Severity.Warning, Org.Naf),
        ["nda_format"] = AtOrganisation(w => w.WithOrganisation(Org.Nda, "8469123456"), IssueCodes.NdaFormat, Severity.Error, Org.Nda),
        ["nda_region_mismatch"] = AtOrganisation(w => w.WithOrganisation(Org.Nda, "11751234575"), IssueCodes.NdaRegionMismatch, Severity.Warning, Org.Nda),
        ["email_format"] = AtOrganisation(w => w.WithOrganisation(Org.ContactEmail, "claire.martin@"), IssueCodes.EmailFormat, Severity.Error, Org.ContactEmail),
        ["phone_format"] = AtOrganisation(w => w.WithOrganisation(Org.ContactPhone, "04 78 12 34"), IssueCodes.PhoneFormat, Severity.Warning, Org.ContactPhone),
        ["url_format"] = AtOrganisation(w => w.WithOrganisation(Org.Website, "pas de site"), IssueCodes.UrlFormat, Severity.Warning, Org.Website),
        ["date_format"] = AtOrganisation(w => w.WithOrganisation(Org.CreationDate, "32/13/2004"), IssueCodes.DateFormat, Severity.Error, Org.CreationDate),
        ["number_format"] = AtOrganisation(w => w.WithOrganisation(Org.EmployeeCount, "douze"), IssueCodes.NumberFormat, Severity.Error, Org.EmployeeCount),
        ["number_format_reference"] = AtRow(Keys.References, References, w => w.WithReference(0, Ref.PeopleEvaluated, -3d), IssueCodes.NumberFormat, Severity.Error, 0, Ref.PeopleEvaluated),
        ["siret_siren_mismatch_intervenant"] = AtRow(Keys.Intervenants, Intervenants, w => w.WithIntervenant(1, Person.Siret, "55210055400013"), IssueCodes.SiretSirenMismatch, Severity.Error, 1, Person.Siret),
        ["role_unknown"] = AtRow(Keys.Intervenants, Intervenants, w => w.WithIntervenant(1, Person.Role, "Tuteur"), IssueCodes.RoleUnknown, Severity.Error, 1, Person.Role),
        ["domain_unknown"] = AtRow(Keys.Intervenants, Intervenants, w => w.WithIntervenant(0, Person.Domains, "5;6"), IssueCodes.DomainUnknown, Severity.Error, 0, Person.Domains),
        ["year_invalid_intervenant_too_old"] = AtRow(Keys.Intervenants, Intervenants, w => w.WithIntervenant(1, Person.Year, 1985d), IssueCodes.YearInvalid, Severity.Error, 1, Person.Year),
        ["year_invalid_reference_future"] = AtRow(Keys.References, References, w => w.WithReference(0, Ref.Year, 2031d), IssueCodes.YearInvalid, Severity.Error, 0, Ref.Year),
        ["intervenant_status_missing_empty"] = AtRow(Keys.Intervenants, Intervenants, w => w.WithIntervenant(1, Person.Status, null), IssueCodes.IntervenantStatusMissing, Severity.Warning, 1, Person.Status),
        ["intervenant_status_missing_unlisted"] = AtRow(Keys.Intervenants, Intervenants, w => w.WithIntervenant(0, Person.Status, "Stagiaire"), IssueCodes.IntervenantStatusMissing, Severity.Warning, 0, Person.Status),
        ["activity_inconsistent_certified"] = AtRow(Keys.Activite, Activite, w => w.WithActivity(0, Act.Certified, 45d), IssueCodes.ActivityInconsistent, Severity.Warning, 0, Act.Certified),
        ["activity_inconsistent_final"] = AtRow(Keys.Activite, Activite, w => w.WithActivity(0, Act.FinalEvaluations, 51d).WithActivity(0, Act.Certified, 12d), IssueCodes.ActivityInconsistent, Severity.Warning, 0, Act.FinalEvaluations),
        ["number_format_activity"] = AtRow(Keys.Activite, Activite, w => w.WithActivity(0, Act.Registered, "une cinquantaine"), IssueCodes.NumberFormat, Severity.Error, 0, Act.Registered),
        ["year_invalid_activity"] = AtRow(Keys.Activite, Activite, w => w.WithActivity(0, Act.Year, 1989d), IssueCodes.YearInvalid, Severity.Error, 0, Act.Year),
        ["qualiopi_missing"] = AtOrganisation(
            w => w.WithOrganisation(Org.Qualiopi, "Non").WithOrganisation(Org.QualiopiCertificate, null).WithOrganisation(Org.QualiopiCertifier, null).WithOrganisation(Org.QualiopiExpiry, null),
            IssueCodes.QualiopiMissing, Severity.Warning, Org.Qualiopi),
        ["qualiopi_expired"] = AtOrganisation(w => w.WithOrganisation(Org.QualiopiExpiry, new DateTime(2026, 1, 31)), IssueCodes.QualiopiExpired, Severity.Error, Org.QualiopiExpiry),
        ["cv_evaluator_missing_small_network"] = new(w => w.WithIntervenant(0, Person.Role, "Formateur"), IssueCodes.CvEvaluatorMissing, Severity.Error, Intervenants, null, null),
        ["cv_evaluator_missing_large_network"] = new(
            w => w.WithIntervenant(0, Person.Role, "Formateur"), IssueCodes.CvEvaluatorMissing, Severity.Warning, Intervenants, null, null,
            s => s with { NetworkMemberCount = 51 }),
        ["cv_trainer_missing"] = new(
            w => w.WithIntervenant(0, Person.Role, "Évaluateur").WithIntervenant(1, Person.Role, "Eval."), IssueCodes.CvTrainerMissing, Severity.Error, Intervenants, null, null),
        ["cv_both_missing_when_no_intervenant"] = new(w => w.WithoutRows(Keys.Intervenants), IssueCodes.CvTrainerMissing, Severity.Error, Intervenants, null, null),
        ["hr_count_fewer_than_cvs"] = AtOrganisation(w => w.WithOrganisation(Org.TrainerCount, 1d), IssueCodes.HrCountInconsistent, Severity.Error, Org.TrainerCount),
        ["hr_count_zero_declared"] = AtOrganisation(w => w.WithOrganisation(Org.EvaluatorCount, "0"), IssueCodes.HrCountInconsistent, Severity.Error, Org.EvaluatorCount),
        ["member_not_in_roster"] = new(
            _ => { }, IssueCodes.MemberNotInRoster, Severity.Warning, Organisme, ARawWorkbook.OrganisationRow(Org.Siren), "SIREN",
            s => s with { Roster = ARosterWorkbook.Roster("542107651", true) }),
        ["mandate_missing"] = new(
            _ => { }, IssueCodes.MandateMissing, Severity.Error, Organisme, ARawWorkbook.OrganisationRow(Org.Siren), "SIREN",
            s => s with { Roster = ARosterWorkbook.Roster("732829320", false) }),
    };

    public static TheoryData<string> Names => [.. All.Keys];

    public static MemberValidationResult Run(ValidationCase validationCase)
    {
        ARawWorkbook builder = ARawWorkbook.Valid();
        validationCase.Arrange(builder);
        ValidationSettings settings = ARawWorkbook.Settings();
        settings = validationCase.Settings?.Invoke(settings) ?? settings;
        return MemberWorkbookValidator.CreateDefault().Validate(builder.Build(), settings);
    }

    private static ValidationCase AtOrganisation(Action<ARawWorkbook> arrange, string code, Severity severity, string key) =>
        new(arrange, code, severity, Organisme, ARawWorkbook.OrganisationRow(key), ARawWorkbook.Label(Keys.Organisme, key));

    private static ValidationCase AtEstablishment(Action<ARawWorkbook> arrange, string code, Severity severity, int index, string key) =>
        AtRow(Keys.Etablissements, Etablissements, arrange, code, severity, index, key);

    private static ValidationCase AtRow(string sheetKey, string sheet, Action<ARawWorkbook> arrange, string code, Severity severity, int index, string key) =>
        new(arrange, code, severity, sheet, ARawWorkbook.DataRow(index), ARawWorkbook.Label(sheetKey, key));
}
