using ClosedXML.Excel;

namespace CleaNum.Export;

/// <summary>Saving workbooks so that a reader never sees half a file: written under a temporary name in the target
/// folder, then moved over the final name.</summary>
internal static class WorkbookFiles
{
    /// <summary>Printing (and PDF export) on landscape pages, one page wide.</summary>
    public static void PrintLandscapeOnePageWide(XLWorkbook workbook)
    {
        foreach (IXLWorksheet sheet in workbook.Worksheets)
        {
            sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
            sheet.PageSetup.FitToPages(1, 0);
        }
    }

    /// <summary>Writes a file through <paramref name="write"/> under a temporary name in the target folder, then moves it
    /// over <paramref name="path"/>; the temporary file never outlives a failure. Its name ends in
    /// <paramref name="temporaryExtension"/> (<c>.tmp.xlsx</c>, <c>.tmp.docx</c> for the Word attachments).</summary>
    public static void WriteAtomically(string path, Action<Stream> write, string temporaryExtension = ".tmp.xlsx") =>
        WriteThroughTemporaryFile(path, temp =>
        {
            // The zip is built in memory, then written in one go: ZipArchive goes back to each entry's header once its
            // data is written, and every such seek would flush a file buffer (about 60 small writes per member file).
            using var buffer = new MemoryStream();
            write(buffer);
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            stream.Write(buffer.GetBuffer(), 0, checked((int)buffer.Length));
        }, temporaryExtension);

    public static void SaveAtomically(XLWorkbook workbook, string path) =>
        WriteThroughTemporaryFile(path, temp => workbook.SaveAs(temp));

    /// <summary>The one temporary-file-then-move mechanism. The temporary name ends in .xlsx: ClosedXML picks the package
    /// type (xlsx, not xlsm) from the extension.</summary>
    private static void WriteThroughTemporaryFile(string path, Action<string> write, string temporaryExtension = ".tmp.xlsx")
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException("No folder in path", nameof(path));
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(fullPath)}.{Guid.NewGuid():N}{temporaryExtension}");
        try
        {
            write(temp);
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
