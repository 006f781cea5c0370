using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;
using Person = CleaNum.Core.Workbook.MemberWorkbookSchema.Person;

namespace CleaNum.Core.Validation;

/// <summary>Rules of one <c>Intervenants</c> row.</summary>
internal sealed class IntervenantValidator : SheetRecordValidator<IntervenantRecord>
{
    public IntervenantValidator()
        : base(MemberWorkbookSchema.Intervenants) =>
        FixedRule(
            Person.Year,
            IssueCodes.YearInvalid,
            r => YearRange.IsValid(r, Person.Year, r.Settings),
            r => YearRange.Message(r, Person.Year, r.Settings));
}
