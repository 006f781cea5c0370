using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>Validates and normalises one member workbook as read by Import.</summary>
public interface IMemberWorkbookValidator
{
    MemberValidationResult Validate(RawWorkbook workbook, ValidationSettings settings);
}
