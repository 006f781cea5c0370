using CleaNum.Core.Issues;
using CleaNum.Core.Tests.Builders;
using CleaNum.Core.Validation;
using FluentValidation.TestHelper;
using Ref = CleaNum.Core.Workbook.MemberWorkbookSchema.Ref;

namespace CleaNum.Core.Tests.Validation;

public sealed class ReferenceValidatorTests
{
    private readonly ReferenceValidator _validator = new();

    [Fact]
    public void Accepts_a_valid_row()
    {
        ReferenceRecord record = ARawWorkbook.Valid().ReferenceRecord(0);

        TestValidationResult<ReferenceRecord> result = _validator.TestValidate(record);

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Rejects_a_future_year()
    {
        ReferenceRecord record = ARawWorkbook.Valid().WithReference(0, Ref.Year, "2030").ReferenceRecord(0);

        TestValidationResult<ReferenceRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Ref.Year).WithErrorCode(IssueCodes.YearInvalid);
    }

    [Fact]
    public void Rejects_unknown_domains_and_counts()
    {
        ReferenceRecord record = ARawWorkbook.Valid()
            .WithReference(0, Ref.Domains, "Bureautique")
            .WithReference(0, Ref.PeopleEvaluated, "une quarantaine")
            .ReferenceRecord(0);

        TestValidationResult<ReferenceRecord> result = _validator.TestValidate(record);

        result.ShouldHaveValidationErrorFor(Ref.Domains).WithErrorCode(IssueCodes.DomainUnknown);
        result.ShouldHaveValidationErrorFor(Ref.PeopleEvaluated).WithErrorCode(IssueCodes.NumberFormat);
    }
}
