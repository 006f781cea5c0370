using ClosedXML.Excel;

namespace CleaNum.Export;

/// <summary>Saving workbooks so that a reader never sees half a file: written under a temporary name in the target
/// folder, then moved over the final name.</summary>
internal static class WorkbookFiles
{
    public static void SaveAtomically(XLWorkbook workbook, string path)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException("No folder in path", nameof(path));
        Directory.CreateDirectory(folder);

        // The temporary name ends in .xlsx: ClosedXML picks the package type (xlsx, not xlsm) from the extension.
        string temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(fullPath)}.{Guid.NewGuid():N}.tmp.xlsx");
        try
        {
            workbook.SaveAs(temp);
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
