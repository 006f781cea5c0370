using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

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
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 14);
            write(stream);
        }, temporaryExtension);

    public static void SaveAtomically(XLWorkbook workbook, string path, bool forcePlainWorkbook = false) =>
        WriteThroughTemporaryFile(path, temp =>
        {
            workbook.SaveAs(temp);
            if (forcePlainWorkbook)
            {
                MakePlainWorkbook(temp);
            }
        });

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

    private const string MacroEnabledMain = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    private const string PlainMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>A workbook loaded from an .xlsm keeps its macro-enabled package type when ClosedXML saves it again;
    /// an .xlsx must be a plain workbook without a VBA project, or Excel refuses to open it. The workbook part keeps
    /// its name (xl/workbook.xml, which ExcelDataReader expects): only the content type changes.</summary>
    private static void MakePlainWorkbook(string path)
    {
        using (SpreadsheetDocument document = SpreadsheetDocument.Open(path, isEditable: true))
        {
            if (document.DocumentType == SpreadsheetDocumentType.Workbook)
            {
                return;
            }

            if (document.WorkbookPart?.VbaProjectPart is { } vba)
            {
                document.WorkbookPart.DeletePart(vba);
            }
        }

        using ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Update);
        ZipArchiveEntry entry = zip.GetEntry("[Content_Types].xml") ?? throw new InvalidDataException("No [Content_Types].xml");
        XDocument types;
        using (Stream stream = entry.Open())
        {
            types = XDocument.Load(stream);
        }

        foreach (XElement item in types.Root!.Elements())
        {
            if ((string?)item.Attribute("ContentType") == MacroEnabledMain)
            {
                item.SetAttributeValue("ContentType", PlainMain);
            }
        }

        entry.Delete();
        using Stream output = zip.CreateEntry("[Content_Types].xml", CompressionLevel.Optimal).Open();
        types.Save(output, System.Xml.Linq.SaveOptions.DisableFormatting);
    }
}
