using CleaNum.Core.Issues;
using CleaNum.Core.Tests.Builders;
using CleaNum.Core.Validation;
using FluentValidation.TestHelper;
using Org = CleaNum.Core.Workbook.MemberWorkbookSchema.Org;

namespace CleaNum.Core.Tests.Validation;

public sealed class OrganisationValidatorTests
{
    private readonly OrganisationValidator _validator = new();

    [Fact]
    public void Accepts_a_valid_form()
    {
        OrganisationRecord record = ARawWorkbook.Valid().OrganisationRecord();

        TestValidationResult<OrganisationRecord> result = _validator.TestValidate(record);

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("85.59A")]
    [InlineData("85.32Z")]
    [InlineData("70.22Z")]
    [InlineData("78.10Z")]
    [InlineData("88.99B")]
    public void Accepts_training_related_naf_codes(string naf)
    {
        OrganisationRecord record = ARawWorkbook.Valid().WithOrganisation(Org.Naf, naf).OrganisationRecord();

        TestValidationResult<OrganisationRecord> result = _validator.TestValidate(record);

        result.ShouldNotHaveValidationErrorFor(Org.Naf);
    }

    [Theory]
    [InlineData("47.11F")]
    [InlineData("62.01Z")]
    [InlineData("88.99A")]
    public void Warns_when_the_naf_code_is_not_training_related(string naf)
    {
        OrganisationRecord record = ARawWorkbook.Valid().WithOrganisation(Org.Naf, naf).OrganisationRecord();

        TestValidationResult<OrganisationRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Org.Naf).WithErrorCode(IssueCodes.NafUnusual).WithSeverity(FluentValidation.Severity.Warning);
    }

    [Theory]
    [InlineData("82691234569")] // pre-2016 Rhône-Alpes code, département 69
    [InlineData("84691234569")]
    public void Accepts_an_nda_of_the_address_region_including_former_region_codes(string nda)
    {
        OrganisationRecord record = ARawWorkbook.Valid().WithOrganisation(Org.Nda, nda).OrganisationRecord();

        TestValidationResult<OrganisationRecord> result = _validator.TestValidate(record);

        result.ShouldNotHaveValidationErrorFor(Org.Nda);
    }

    [Theory]
    [InlineData("11751234575")] // Île-de-France, Paris
    [InlineData("84011234501")] // right région, wrong département (Ain)
    public void Warns_when_the_nda_was_issued_elsewhere(string nda)
    {
        OrganisationRecord record = ARawWorkbook.Valid().WithOrganisation(Org.Nda, nda).OrganisationRecord();

        TestValidationResult<OrganisationRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Org.Nda).WithErrorCode(IssueCodes.NdaRegionMismatch).WithSeverity(FluentValidation.Severity.Warning);
    }

    [Fact]
    public void Requires_the_qualiopi_details_when_qualiopi_is_oui()
    {
        OrganisationRecord record = ARawWorkbook.Valid()
            .WithOrganisation(Org.QualiopiCertifier, null)
            .WithOrganisation(Org.QualiopiExpiry, "")
            .OrganisationRecord();

        TestValidationResult<OrganisationRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Org.QualiopiCertifier).WithErrorCode(IssueCodes.Required);
        result.ShouldHaveValidationErrorFor(Org.QualiopiExpiry).WithErrorCode(IssueCodes.Required);
        result.ShouldNotHaveValidationErrorFor(Org.QualiopiCertificate);
    }

    [Theory]
    [InlineData(2026, 3, 30, true)]
    [InlineData(2026, 3, 31, false)]
    public void Rejects_a_qualiopi_certificate_expiring_before_the_deadline(int year, int month, int day, bool expired)
    {
        OrganisationRecord record = ARawWorkbook.Valid().WithOrganisation(Org.QualiopiExpiry, new DateTime(year, month, day)).OrganisationRecord();

        TestValidationResult<OrganisationRecord> result = _validator.TestValidate(record);

        if (expired)
        {
            result.ShouldHaveValidationErrorFor(Org.QualiopiExpiry).WithErrorCode(IssueCodes.QualiopiExpired);
        }
        else
        {
            result.ShouldNotHaveValidationErrorFor(Org.QualiopiExpiry);
        }
    }

    [Fact]
    public void Requires_the_region_of_the_organisation()
    {
        OrganisationRecord record = ARawWorkbook.Valid().WithOrganisation(Org.Region, null).OrganisationRecord();

        TestValidationResult<OrganisationRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Org.Region).WithErrorCode(IssueCodes.Required);
    }

    [Fact]
    public void Warns_instead_of_requiring_a_region_for_a_territory_without_region()
    {
        OrganisationRecord record = ARawWorkbook.Valid()
            .WithOrganisation(Org.PostalCode, "98000")
            .WithOrganisation(Org.City, "Monaco")
            .WithOrganisation(Org.Region, null)
            .WithOrganisation(Org.Nda, "93981234598")
            .OrganisationRecord();

        TestValidationResult<OrganisationRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Org.Region)
            .WithErrorCode(IssueCodes.RegionMismatch)
            .WithSeverity(FluentValidation.Severity.Warning)
            .WithoutErrorCode(IssueCodes.Required);
    }

    [Fact]
    public void Does_report_a_formula_error_in_an_optional_field_with_its_format_code()
    {
        OrganisationRecord record = ARawWorkbook.Valid().WithOrganisation(Org.CreationDate, ARawWorkbook.FormulaError("#N/A")).OrganisationRecord();

        TestValidationResult<OrganisationRecord> result = _validator.TestValidate(record);

        var failure = Assert.Single(result.ShouldHaveValidationErrorFor(Org.CreationDate).WithErrorCode(IssueCodes.DateFormat));
        Assert.Contains("#N/A", Assert.IsType<Issue>(failure.CustomState).Message, StringComparison.Ordinal);
    }
}
