using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using Ref = CleaNum.Core.Workbook.MemberWorkbookSchema.Ref;

namespace CleaNum.Core.Validation;

/// <summary>Rules of one <c>References</c> row.</summary>
internal sealed class ReferenceValidator : SheetRecordValidator<ReferenceRecord>
{
    public ReferenceValidator()
        : base(MemberWorkbookSchema.References) =>
        FixedRule(
            Ref.Year,
            IssueCodes.YearInvalid,
            r => YearRange.IsValid(r, Ref.Year, r.Settings),
            r => YearRange.Message(r, Ref.Year, r.Settings));
}
