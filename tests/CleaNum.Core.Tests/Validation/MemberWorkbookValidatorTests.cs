using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Tests.Builders;
using CleaNum.Core.Validation;
using CleaNum.Core.Workbook;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;
using Keys = CleaNum.Core.Workbook.MemberWorkbookSchema.Keys;
using Org = CleaNum.Core.Workbook.MemberWorkbookSchema.Org;
using Person = CleaNum.Core.Workbook.MemberWorkbookSchema.Person;

namespace CleaNum.Core.Tests.Validation;

public sealed class MemberWorkbookValidatorTests
{
    private readonly MemberWorkbookValidator _validator = MemberWorkbookValidator.CreateDefault();

    public static TheoryData<string> CaseNames => ValidationCases.Names;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reports_the_expected_issue_when_a_cell_is_wrong(string caseName)
    {
        ValidationCase expected = ValidationCases.All[caseName];

        MemberValidationResult result = ValidationCases.Run(expected);

        Issue issue = Assert.Single(result.Issues, i => i.Code == expected.Code && i.Row == expected.Row && i.Column == expected.Column);
        Assert.Equal(expected.Severity, issue.Severity);
        Assert.Equal(expected.Sheet, issue.Sheet);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
        Assert.False(string.IsNullOrWhiteSpace(issue.Hint));
        if (expected is { Row: not null, Column: not null })
        {
            Assert.Matches("^[A-Z]+[0-9]+$", issue.CellAddress);
            Assert.EndsWith(expected.Row.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), issue.CellAddress, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Covers_every_row_and_member_level_code_of_the_rules_with_the_crafted_workbooks()
    {
        List<string> rowAndMemberCodes = [.. IssueCodes.All.SkipWhile(c => c != IssueCodes.Required).TakeWhile(c => c != IssueCodes.SirenConflict)];

        HashSet<string> produced = [.. ValidationCases.All.Values.SelectMany(c => ValidationCases.Run(c).Issues).Select(i => i.Code)];

        Assert.Equal(34, rowAndMemberCodes.Count);
        Assert.Empty(rowAndMemberCodes.Except(produced));
    }

    [Fact]
    public void Reports_nothing_when_the_workbook_is_valid()
    {
        RawWorkbook workbook = ARawWorkbook.Valid().Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Empty(result.Issues);
        Assert.NotNull(result.Member);
    }

    [Fact]
    public void Reports_no_error_nor_warning_when_values_vary_harmlessly()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithOrganisation(Org.Siren, 732829320d)
            .WithOrganisation(Org.Region, "AUVERGNE RHONE ALPES")
            .WithEstablishment(0, Est.Siret, 73282932000074d)
            .WithEstablishment(0, Est.Region, "auvergne-rhone-alpes")
            .WithEstablishment(1, Est.Siret, "732\u00A0829\u00A0320\u00A000066")
            .WithEstablishment(1, Est.PostalCode, 1000d)
            .WithEstablishment(1, Est.Region, "Auvergne-Rhône-Alpes")
            .WithCopyOfRow(Keys.Etablissements, 1)
            .WithEstablishment(2, Est.Siret, "73282932000058")
            .WithEstablishment(2, Est.Region, null)
            .WithIntervenant(1, Person.Role, "formateurs")
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Empty(result.Issues);
        Assert.False(result.HasErrors);
        Assert.False(result.HasWarnings);
    }

    [Fact]
    public void Normalises_the_member_data_when_the_workbook_is_valid()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithEstablishment(1, Est.PostalCode, 1000d)
            .WithEstablishment(1, Est.Region, null)
            .WithEstablishment(0, Est.Siret, 73282932000074d)
            .Build();

        MemberData member = _validator.Validate(workbook, ARawWorkbook.Settings()).Member!;

        Assert.Equal("732829320", member.Organisation.Siren);
        Assert.Equal("85.59A", member.Organisation.NafCode);
        Assert.Equal("84691234569", member.Organisation.Nda);
        Assert.Equal("84", member.Organisation.RegionCode);
        Assert.Equal(new DateOnly(2027, 6, 30), member.Organisation.QualiopiExpiry);
        Assert.True(member.Organisation.Qualiopi);
        Assert.Equal(2, member.Organisation.EvaluatorCount);
        Assert.Equal(3, member.Organisation.TrainerCount);
        Assert.Null(member.Organisation.BillingContact);
        Assert.Equal("claire.martin@fnr-formation.fr", member.Organisation.MainContact.Email);
        Assert.Collection(
            member.Establishments,
            e => Assert.Equal((ARawWorkbook.DataRow(0), "73282932000074", "69003", "84"), (e.Row, e.Siret, e.PostalCode, e.RegionCode)),
            e => Assert.Equal((ARawWorkbook.DataRow(1), "73282932000066", "01000", "84"), (e.Row, e.Siret, e.PostalCode, e.RegionCode)));
        Assert.Equal([IntervenantRole.Both, IntervenantRole.Trainer], member.Intervenants.Select(i => i.Role));
        Assert.Equal([CleaDomain.Information, CleaDomain.Collaboration], member.Intervenants[1].Domains);
        Assert.Equal(2024, Assert.Single(member.References).Year);
    }

    [Fact]
    public void Keeps_invalid_values_out_of_the_member_data_when_they_are_errors()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithEstablishment(0, Est.Siret, "73282932000079")
            .WithOrganisation(Org.Website, "pas de site")
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Null(result.Member!.Establishments[0].Siret);
        Assert.Equal("73282932000066", result.Member.Establishments[1].Siret);
    }

    [Fact]
    public void Quotes_the_formatted_siret_when_its_check_digit_is_wrong()
    {
        RawWorkbook workbook = ARawWorkbook.Valid().WithEstablishment(0, Est.Siret, "73282932000079").Build();

        Issue issue = Assert.Single(_validator.Validate(workbook, ARawWorkbook.Settings()).Issues);

        Assert.StartsWith("Le SIRET 732 829 320 00079 est invalide (clé de contrôle)", issue.Message, StringComparison.Ordinal);
        Assert.Contains("avis-situation-sirene.insee.fr", issue.Hint, StringComparison.Ordinal);
        Assert.Equal("B3", issue.CellAddress);
    }

    [Fact]
    public void Names_the_first_row_when_a_siret_is_repeated()
    {
        RawWorkbook workbook = ARawWorkbook.Valid().WithEstablishment(1, Est.Siret, "732 829 320 00074")
            .WithEstablishment(1, Est.Address, "12 rue de la République").WithEstablishment(1, Est.PostalCode, "69003")
            .WithEstablishment(1, Est.City, "Lyon").Build();

        Issue issue = Assert.Single(_validator.Validate(workbook, ARawWorkbook.Settings()).Issues);

        Assert.Equal(IssueCodes.SiretDuplicate, issue.Code);
        Assert.Equal(ARawWorkbook.DataRow(1), issue.Row);
        Assert.Contains($"ligne {ARawWorkbook.DataRow(0)}", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_successor_region_when_a_former_region_is_given()
    {
        RawWorkbook workbook = ARawWorkbook.Valid().WithOrganisation(Org.Region, "Rhône-Alpes").Build();

        Issue issue = Assert.Single(_validator.Validate(workbook, ARawWorkbook.Settings()).Issues);

        Assert.Equal(IssueCodes.RegionUnknown, issue.Code);
        Assert.Contains("Auvergne-Rhône-Alpes", issue.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auvergne-Rhône-Alpes")]
    [InlineData("Bourgogne-Franche-Comté")]
    public void Accepts_either_region_when_the_postal_code_is_shared_by_two_departements(string region)
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithEstablishment(1, Est.PostalCode, "01410")
            .WithEstablishment(1, Est.Region, region)
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Says_the_region_is_derived_from_the_prefix_when_the_postal_code_is_not_in_the_base()
    {
        RawWorkbook workbook = ARawWorkbook.Valid().WithEstablishment(0, Est.PostalCode, "69998").Build();

        Issue issue = Assert.Single(_validator.Validate(workbook, ARawWorkbook.Settings()).Issues);

        Assert.Equal(IssueCodes.PostalCodeUnknown, issue.Code);
        Assert.Contains("Auvergne-Rhône-Alpes", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_require_the_certificate_when_qualiopi_is_non()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithOrganisation(Org.Qualiopi, "Non")
            .WithOrganisation(Org.QualiopiCertificate, null)
            .WithOrganisation(Org.QualiopiCertifier, null)
            .WithOrganisation(Org.QualiopiExpiry, null)
            .Build();

        Issue issue = Assert.Single(_validator.Validate(workbook, ARawWorkbook.Settings()).Issues);

        Assert.Equal(IssueCodes.QualiopiMissing, issue.Code);
    }

    [Fact]
    public void Reports_both_cv_codes_when_the_intervenants_sheet_has_no_row()
    {
        RawWorkbook workbook = ARawWorkbook.Valid().WithoutRows(Keys.Intervenants).Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Equal([IssueCodes.CvEvaluatorMissing, IssueCodes.CvTrainerMissing], result.Issues.Select(i => i.Code));
    }

    [Fact]
    public void Counts_an_evaluator_and_trainer_for_both_roles()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithIntervenant(1, Person.Role, "Évaluateur et formateur")
            .WithOrganisation(Org.EvaluatorCount, 2d)
            .WithOrganisation(Org.TrainerCount, 2d)
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Leaves_the_cv_codes_to_sheet_missing_when_the_intervenants_sheet_is_absent()
    {
        Issue sheetMissing = IssueCatalog.Create(IssueCodes.SheetMissing, "La feuille Intervenants est absente.", "Intervenants");
        RawWorkbook workbook = ARawWorkbook.Valid().WithoutSheet(Keys.Intervenants).WithReaderIssue(sheetMissing).Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Equal([sheetMissing], result.Issues);
        Assert.Empty(result.Member!.Intervenants);
    }

    [Fact]
    public void Keeps_the_reader_issues_and_skips_required_when_a_column_is_missing()
    {
        Issue columnMissing = IssueCatalog.Create(IssueCodes.ColumnMissing, "La colonne « Ville » est absente.", "Etablissements", ARawWorkbook.HeaderRow, "Ville");
        Issue sheetMissing = IssueCatalog.Create(IssueCodes.SheetMissing, "La feuille References est absente.", "References", severity: Severity.Warning);
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithoutField(Keys.Etablissements, Est.City)
            .WithoutSheet(Keys.References)
            .WithReaderIssue(sheetMissing)
            .WithReaderIssue(columnMissing)
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Equal([columnMissing, sheetMissing], result.Issues);
        Assert.Empty(result.Member!.References);
    }

    [Fact]
    public void Returns_only_the_reader_issues_when_the_file_is_unreadable()
    {
        Issue unreadable = IssueCatalog.Create(IssueCodes.FileUnreadable, "Le fichier est endommagé.");
        var workbook = new RawWorkbook("membre.xlsx", [], [unreadable]);

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Null(result.Member);
        Assert.Equal([unreadable], result.Issues);
    }

    [Fact]
    public void Validates_the_other_sheets_when_the_organisme_sheet_is_missing()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithoutSheet(Keys.Organisme)
            .WithReaderIssue(IssueCatalog.Create(IssueCodes.SheetMissing, "La feuille Organisme est absente.", "Organisme"))
            .WithEstablishment(0, Est.Siret, "73282932000079")
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Null(result.Member);
        Assert.Equal([IssueCodes.SheetMissing, IssueCodes.SiretChecksum], result.Issues.Select(i => i.Code));
    }

    [Fact]
    public void Drops_the_reader_issue_when_the_validator_reports_the_same_cell()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithEstablishment(0, Est.Siret, "7,32829E+13")
            .WithReaderIssue(IssueCatalog.Create(IssueCodes.IdentifierPrecisionLost, "Nombre arrondi.", "Etablissements", ARawWorkbook.DataRow(0), "SIRET"))
            .Build();

        Issue issue = Assert.Single(_validator.Validate(workbook, ARawWorkbook.Settings()).Issues);

        Assert.Equal("B3", issue.CellAddress);
    }

    [Fact]
    public void Sorts_issues_in_the_report_order_by_sheet_then_row_with_sheet_level_issues_first_then_column()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithIntervenant(0, Person.Role, "Formateur")
            .WithIntervenant(1, Person.Year, 1985d)
            .WithEstablishment(1, Est.Region, "Bretagne")
            .WithEstablishment(1, Est.Siret, "73282932000079")
            .WithEstablishment(0, Est.City, null)
            .WithOrganisation(Org.ContactEmail, "claire.martin@")
            .WithOrganisation(Org.Naf, "47.11F")
            .WithReaderIssue(IssueCatalog.Create(IssueCodes.SheetMissing, "La feuille References est absente.", "References", severity: Severity.Warning))
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Equal(
            [
                (IssueCodes.NafUnusual, "Organisme"), (IssueCodes.EmailFormat, "Organisme"),
                (IssueCodes.Required, "Etablissements"), (IssueCodes.SiretChecksum, "Etablissements"), (IssueCodes.RegionMismatch, "Etablissements"),
                (IssueCodes.CvEvaluatorMissing, "Intervenants"), (IssueCodes.YearInvalid, "Intervenants"),
                (IssueCodes.SheetMissing, "References"),
            ],
            result.Issues.Select(i => (i.Code, i.Sheet!)));
    }

    [Fact]
    public void Counts_a_person_written_E_plus_F_as_both_cvs_and_keeps_every_domain_of_a_span()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithIntervenant(0, Person.Role, "E+F")
            .WithIntervenant(0, Person.Domains, "1 à 4")
            .WithIntervenant(1, Person.Role, "F")
            .WithIntervenant(1, Person.Domains, "Tous les domaines")
            .WithIntervenant(1, Person.Year, "2024.0")
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.DoesNotContain(result.Issues, i => i.Severity != Severity.Info);
        Assert.Equal([IntervenantRole.Both, IntervenantRole.Trainer], result.Member!.Intervenants.Select(i => i.Role));
        Assert.All(result.Member.Intervenants, i => Assert.Equal([CleaDomain.Environment, CleaDomain.Information, CleaDomain.Collaboration, CleaDomain.Security], i.Domains));
        Assert.Equal(2024, result.Member.Intervenants[1].Year);
    }

    [Fact]
    public void Keeps_long_texts_line_breaks_and_emoji_of_a_cv_as_typed()
    {
        string experience = string.Concat(Enumerable.Repeat("Formatrice bureautique, ateliers numériques. ", 45))[..2000];
        const string evaluation = "Domaine 1 – France Travail – 12 stagiaires\nDomaine 4 – Mission locale 🎓\r\nÉvaluations CléA ✅";
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithIntervenant(0, Person.ProfessionalExperience, experience)
            .WithIntervenant(0, Person.EvaluationExperience, evaluation)
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.DoesNotContain(result.Issues, i => i.Severity != Severity.Info);
        Assert.Equal(experience.Trim(), result.Member!.Intervenants[0].ProfessionalExperience);
        Assert.Equal(evaluation, result.Member.Intervenants[0].EvaluationExperience);
    }
}
