using CleaNum.Core.Workbook;

namespace CleaNum.Core.Ports;

/// <summary>Reads a workbook file (xlsx, xlsm, xls) into raw records, locating the given sheets and columns by label.
/// Never throws for a bad file: file-level problems come back as FILE_* issues in <see cref="RawWorkbook.Issues"/>.</summary>
public interface IWorkbookReader
{
    RawWorkbook Read(string path, IReadOnlyList<SheetDefinition> sheets, CancellationToken cancellationToken);
}
