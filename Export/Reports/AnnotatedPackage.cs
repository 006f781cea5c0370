using System.IO.Compression;
using CleaNum.Core.Issues;

namespace CleaNum.Export.Reports;

/// <summary>
/// The annotated copy written by patching the member's own package: every part is copied as it is, except the styles
/// (fills and cell formats appended), the worksheets holding a marked cell (the cell's style index, a legacy drawing
/// reference), the workbook (a first sheet <c>Anomalies CleaNum</c>) and the content types; a comments part and its
/// VML drawing are added per marked sheet. Nothing of the member's workbook is re-interpreted, so files ClosedXML cannot
/// load (LibreOffice's, for one) are annotated too, and a copy costs about as much as unzipping and zipping the file.
/// </summary>
/// <remarks>
/// <see cref="TryWrite"/> declines (returns null, writes nothing) when the package is beyond what it patches safely:
/// Strict OOXML, a part it cannot find or a dangling relationship. The caller then uses ClosedXML, which hands its
/// result back to <see cref="WriteFirstSheet"/>. The steps are <see cref="PackagePatch"/>'s; the parts they touch are
/// <see cref="MemberStyleBook"/>, <see cref="CellMarks"/>, <see cref="AnnotationComments"/>, <see cref="VmlNotes"/> and
/// <see cref="AnomaliesSheet"/>.
/// </remarks>
internal static class AnnotatedPackage
{
    /// <summary>Writes the annotated copy and returns the number of cells marked, or null (nothing written) when the
    /// package needs the ClosedXML path. Throws on a damaged package. Entries left unchanged are copied as their
    /// compressed bytes are; <paramref name="copyRaw"/> false inflates and deflates every one again (the way the copy was
    /// written before: tests and benchmarks compare the two).</summary>
    public static int? TryWrite(string originalPath, IReadOnlyList<Issue> issues, string reportFileName, string outputPath, bool copyRaw = true)
    {
        byte[] package = File.ReadAllBytes(originalPath);
        using var input = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        var patch = new PackagePatch(input, copyRaw ? package : null);
        if (!patch.TryOpenWorkbook() || !patch.TryOpenStyles())
        {
            return null;
        }

        var (marks, unplaced) = patch.Place(issues);
        if (patch.TryAnnotateSheets(marks, cleanEarlier: true) is not int marked)
        {
            return null;
        }

        Finish(patch, unplaced, reportFileName, outputPath);
        return marked;
    }

    /// <summary>The ClosedXML path's last step: a package whose cells ClosedXML already marked (and cleaned of earlier
    /// annotations) gets the first sheet listing <paramref name="unplaced"/>, and becomes a plain workbook.</summary>
    public static void WriteFirstSheet(byte[] package, List<Issue> unplaced, string reportFileName, string outputPath)
    {
        using var input = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        var patch = new PackagePatch(input, package);
        if (!patch.TryOpenWorkbook() || !patch.TryOpenStyles() || patch.TryAnnotateSheets([], cleanEarlier: false) is null)
        {
            throw new InvalidDataException("ClosedXML wrote a package the patch cannot read");
        }

        Finish(patch, unplaced, reportFileName, outputPath);
    }

    private static void Finish(PackagePatch patch, List<Issue> unplaced, string reportFileName, string outputPath)
    {
        patch.AddFirstSheet(unplaced, reportFileName);
        patch.MakePlainWorkbook();
        WorkbookFiles.WriteAtomically(outputPath, patch.CopyTo);
    }
}
