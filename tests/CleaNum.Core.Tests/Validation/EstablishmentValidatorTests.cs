using CleaNum.Core.Issues;
using CleaNum.Core.Tests.Builders;
using CleaNum.Core.Validation;
using FluentValidation.TestHelper;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;

namespace CleaNum.Core.Tests.Validation;

public sealed class EstablishmentValidatorTests
{
    private readonly EstablishmentValidator _validator = new();

    [Fact]
    public void Accepts_a_valid_row()
    {
        EstablishmentRecord record = ARawWorkbook.Valid().EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("73282932000079")] // last digit altered
    [InlineData("11122233344455")] // Luhn passes on 14 digits, fails on the SIREN part
    public void Rejects_siret_with_bad_check_digit(string siret)
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.Siret, siret).EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Est.Siret).WithErrorCode(IssueCodes.SiretChecksum);
    }

    [Fact]
    public void Explains_the_siren_when_nine_digits_are_given_for_a_siret()
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.Siret, 732829320d).EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Est.Siret)
            .WithErrorCode(IssueCodes.SiretIsSiren)
            .WithCustomState(
                new Issue(Severity.Error, IssueCodes.SiretIsSiren, "Etablissements", 3, "SIRET", "732829320", "", null),
                new SameLocation());
    }

    [Fact]
    public void Rejects_a_siret_of_another_siren()
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.Siret, "54210765113030").EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Est.Siret).WithErrorCode(IssueCodes.SiretSirenMismatch).WithSeverity(FluentValidation.Severity.Error);
    }

    [Theory]
    [InlineData("44306184100010")] // another company's SIRET with its key mistyped
    [InlineData(44306184100010d)]
    public void Rejects_a_siret_of_another_siren_also_when_its_key_is_wrong(object siret)
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.Siret, siret).EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Est.Siret).WithErrorCode(IssueCodes.SiretChecksum);
        result.ShouldHaveValidationErrorFor(Est.Siret).WithErrorCode(IssueCodes.SiretSirenMismatch);
    }

    [Fact]
    public void Does_not_report_a_mismatch_for_a_siret_of_the_member_with_a_wrong_key()
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.Siret, "73282932000079").EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Est.Siret).WithErrorCode(IssueCodes.SiretChecksum);
        Assert.DoesNotContain(result.Errors, e => e.ErrorCode == IssueCodes.SiretSirenMismatch);
    }

    [Fact]
    public void Does_not_check_the_siren_when_the_member_siren_is_invalid()
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.Siret, "54210765113030").EstablishmentRecord(0, memberSiren: null);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Derives_an_empty_region_silently()
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.Region, null).EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Warns_when_the_region_differs_from_the_postal_code()
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.Region, "Occitanie").EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Est.Region).WithErrorCode(IssueCodes.RegionMismatch).WithSeverity(FluentValidation.Severity.Warning);
    }

    [Theory]
    [InlineData("Auvergne-Rhône-Alpes (ARA)")]
    [InlineData("AUVERGNE RHONE ALPES")]
    [InlineData("Auvergne-Rhône-Alpes / AURA")]
    public void Accepts_a_region_written_with_a_hint_or_an_alias(string region)
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.Region, region).EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("Occitanie / Pyrénées-Méditerranée", IssueCodes.RegionMismatch)]
    [InlineData("Bretagne / Normandie", IssueCodes.RegionUnknown)]
    [InlineData("Rhône-Alpes (ARA)", IssueCodes.RegionUnknown)]
    public void Reads_the_region_of_a_slashed_name(string region, string code)
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.Region, region).EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Est.Region).WithErrorCode(code);
    }

    [Fact]
    public void Requires_the_postal_code()
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.PostalCode, " ").EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Est.PostalCode).WithErrorCode(IssueCodes.Required);
    }

    /// <summary>Compares the location and code of the issue carried as custom state.</summary>
    private sealed class SameLocation : System.Collections.IEqualityComparer
    {
        public new bool Equals(object? x, object? y) =>
            x is Issue a && y is Issue b && (a.Code, a.Sheet, a.Row, a.Column, a.Value, a.Severity) == (b.Code, b.Sheet, b.Row, b.Column, b.Value, b.Severity);

        public int GetHashCode(object obj) => 0;
    }

    [Fact]
    public void Does_name_the_formula_error_when_a_required_cell_shows_one()
    {
        EstablishmentRecord record = ARawWorkbook.Valid().WithEstablishment(0, Est.City, ARawWorkbook.FormulaError("#REF!")).EstablishmentRecord(0);

        TestValidationResult<EstablishmentRecord> result = _validator.TestValidate(record);

        var failure = Assert.Single(result.ShouldHaveValidationErrorFor(Est.City).WithErrorCode(IssueCodes.Required));
        var issue = Assert.IsType<Issue>(failure.CustomState);
        Assert.Equal("#REF!", issue.Value);
        Assert.Contains("erreur de formule « #REF! »", issue.Message, StringComparison.Ordinal);
    }
}
