using CleaNum.Core.Issues;
using CleaNum.Core.Tests.Builders;
using CleaNum.Core.Validation;
using FluentValidation.TestHelper;
using Person = CleaNum.Core.Workbook.MemberWorkbookSchema.Person;

namespace CleaNum.Core.Tests.Validation;

public sealed class IntervenantValidatorTests
{
    private readonly IntervenantValidator _validator = new();

    [Theory]
    [InlineData(1989d, true)]
    [InlineData(1990d, false)]
    [InlineData(2026d, false)]
    [InlineData(2027d, true)]
    public void Rejects_a_year_outside_1990_and_the_campaign(double year, bool invalid)
    {
        IntervenantRecord record = ARawWorkbook.Valid().WithIntervenant(0, Person.Year, year).IntervenantRecord(0);

        TestValidationResult<IntervenantRecord> result = _validator.TestValidate(record);

        if (invalid)
        {
            result.ShouldHaveValidationErrorFor(Person.Year).WithErrorCode(IssueCodes.YearInvalid);
        }
        else
        {
            result.ShouldNotHaveAnyValidationErrors();
        }
    }

    [Theory]
    [InlineData("Évaluateur")]
    [InlineData("EVALUATRICE")]
    [InlineData("Form.")]
    [InlineData("Évaluateur et formateur")]
    public void Accepts_the_role_spellings_of_the_rules(string role)
    {
        IntervenantRecord record = ARawWorkbook.Valid().WithIntervenant(0, Person.Role, role).IntervenantRecord(0);

        TestValidationResult<IntervenantRecord> result = _validator.TestValidate(record);

        result.ShouldNotHaveValidationErrorFor(Person.Role);
    }

    [Fact]
    public void Requires_the_name_and_role()
    {
        IntervenantRecord record = ARawWorkbook.Valid().WithIntervenant(0, Person.LastName, null).WithIntervenant(0, Person.Role, null).IntervenantRecord(0);

        TestValidationResult<IntervenantRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Person.LastName).WithErrorCode(IssueCodes.Required);
        result.ShouldHaveValidationErrorFor(Person.Role).WithErrorCode(IssueCodes.Required);
    }
}
