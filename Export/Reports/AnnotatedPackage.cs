using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

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
/// a sheet to mark that already has comments or a legacy drawing (form controls), an earlier <c>Anomalies CleaNum</c>
/// sheet (an annotated copy sent back), Strict OOXML, or a part it cannot find. The caller then uses ClosedXML.
/// </remarks>
internal static partial class AnnotatedPackage
{
    [GeneratedRegex(@"_x0000_s(\d{1,9})\b")]
    private static partial Regex ShapeIds();

    [GeneratedRegex(@"data=""([0-9, ]{1,100})""")]
    private static partial Regex IdMapBlocks();

    [GeneratedRegex(@"<v:shape\b.*?</v:shape>", RegexOptions.Singleline)]
    private static partial Regex VmlShapes();

    [GeneratedRegex(@"<x:Row>\s*(\d{1,7})\s*</x:Row>")]
    private static partial Regex VmlRow();

    [GeneratedRegex(@"<x:Column>\s*(\d{1,5})\s*</x:Column>")]
    private static partial Regex VmlColumn();

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";

    private const string OfficeDocumentType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string WorksheetType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    private const string StylesType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    private const string CommentsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
    private const string VmlDrawingType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
    private const string VbaProjectType = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";

    private const string PlainMainContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string WorksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private const string CommentsContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
    private const string VmlContentType = "application/vnd.openxmlformats-officedocument.vmlDrawing";

    /// <summary>Elements that follow <c>legacyDrawing</c> in a worksheet (ECMA-376 CT_Worksheet order).</summary>
    private static readonly string[] AfterLegacyDrawing =
        ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

    /// <summary>Elements that may precede <c>cols</c>/<c>sheetData</c>'s followers are irrelevant: cells only go in sheetData.</summary>
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 200_000_000,
    };

    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    /// <summary>Writes the annotated copy and returns the number of cells marked, or null (nothing written) when the
    /// package needs the ClosedXML path. Throws on a damaged package.</summary>
    public static int? TryWrite(string originalPath, IReadOnlyList<Issue> issues, string reportFileName, string outputPath)
    {
        using var input = new ZipArchive(new MemoryStream(File.ReadAllBytes(originalPath), writable: false), ZipArchiveMode.Read);
        var package = new Package(input);

        string? workbookPath = package.RootTarget(OfficeDocumentType);
        if (workbookPath is null || package.LoadXml(workbookPath) is not { } workbook || workbook.Root?.Name.Namespace != Main)
        {
            return null;
        }

        string workbookRelsPath = RelationshipsPathOf(workbookPath);
        XDocument workbookRels = package.LoadXml(workbookRelsPath) ?? new XDocument(new XElement(PackageRelationships + "Relationships"));
        XElement? sheetsElement = workbook.Root.Element(Main + "sheets");
        if (sheetsElement is null)
        {
            return null;
        }

        XDocument contentTypes = package.LoadXml("[Content_Types].xml") ?? throw new InvalidDataException("No [Content_Types].xml");
        var skipped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sheets = new List<SheetEntry>();
        int position = 0;
        foreach (XElement sheet in sheetsElement.Elements(Main + "sheet").ToList())
        {
            string name = (string?)sheet.Attribute("name") ?? "";
            string? id = (string?)sheet.Attribute(RelationshipsNs + "id");
            string? target = id is null ? null : Target(workbookRels, id, workbookPath);
            if (name == AnnotatedCopyWriter.SheetName)
            {
                // An annotated copy sent back: our earlier first sheet goes (a new one is written below).
                RemoveSheet(workbook.Root, sheet, position, workbookRels, id, target, contentTypes, skipped);
                continue;
            }

            sheets.Add(new SheetEntry(name, target));
            position++;
        }

        // The styles part; minimal writers leave it out (or leave parts of it out): it is created or completed.
        string? stylesPath = TargetOfType(workbookRels, StylesType, workbookPath);
        XDocument? styles = stylesPath is null || !package.Exists(stylesPath) ? null : package.LoadXml(stylesPath);
        if (styles is null)
        {
            stylesPath = package.FreePath(StylesFolder(workbookPath) + "cleanum-styles", ".xml", []);
            styles = new XDocument(new XElement(Main + "styleSheet"));
            workbookRels.Root!.Add(Relationship(FreeRelationshipId(workbookRels, "rIdCleaNumStyles"), StylesType, RelativeTarget(workbookPath, stylesPath)));
            AddOverride(contentTypes, stylesPath, StylesContentType);
        }

        if (styles.Root is not { } stylesRoot || stylesRoot.Name != Main + "styleSheet")
        {
            return null;
        }

        var styleBook = StyleBook.Open(stylesRoot);

        // Which cell of which sheet each issue points at; the others go on the first sheet.
        var unplaced = new List<Issue>();
        var marks = new Dictionary<SheetEntry, SortedDictionary<(int Row, int Column), List<Issue>>>();
        string[] names = [.. sheets.Select(s => s.Name)];
        foreach (Issue issue in issues)
        {
            SheetEntry? sheet = string.IsNullOrWhiteSpace(issue.Sheet) || AnnotatedCopyWriter.FindSheetName(names, issue.Sheet) is not { } found
                ? null
                : sheets.First(s => s.Name == found);
            if (sheet?.PartPath is null || IssueOrder.CellReference(issue) is not { } reference)
            {
                unplaced.Add(issue);
                continue;
            }

            if (!TryParseReference(reference, out var at))
            {
                unplaced.Add(issue);
                continue;
            }

            (int row, int column) = at;
            if (!marks.TryGetValue(sheet, out var cells))
            {
                marks[sheet] = cells = [];
            }

            if (!cells.TryGetValue((row, column), out List<Issue>? list))
            {
                cells[(row, column)] = list = [];
            }

            list.Add(issue);
        }

        var replaced = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var added = new List<(string Path, byte[] Content)>();

        // Every sheet loses its "selected" state: the new first sheet is the one shown, and two selected tabs would be
        // grouped (typing in one would type in both).
        int vmlBlock = package.LastVmlBlock();
        int marked = 0;
        foreach (SheetEntry sheet in sheets)
        {
            if (sheet.PartPath is null || !package.Exists(sheet.PartPath))
            {
                continue;
            }

            bool hasMarks = marks.TryGetValue(sheet, out var cells);
            string sheetRelsPath = RelationshipsPathOf(sheet.PartPath);
            XDocument sheetRels = package.LoadXml(sheetRelsPath) ?? new XDocument(new XElement(PackageRelationships + "Relationships"));
            string? commentsPath = TargetOfType(sheetRels, CommentsType, sheet.PartPath);
            bool hasOurComments = commentsPath is not null && package.Exists(commentsPath)
                && package.ContainsText(commentsPath, AnnotatedCopyWriter.CommentHeader);
            if (!hasMarks && !hasOurComments && !package.ContainsText(sheet.PartPath, "tabSelected"))
            {
                continue;
            }

            XDocument document = package.LoadXml(sheet.PartPath)!;
            if (document.Root is not { } worksheet || worksheet.Name.Namespace != Main)
            {
                return null;
            }

            foreach (XElement view in worksheet.Elements(Main + "sheetViews").Elements(Main + "sheetView"))
            {
                view.Attribute("tabSelected")?.Remove();
            }

            if (worksheet.Name != Main + "worksheet")
            {
                // A chart sheet or dialog sheet: no cells to mark, only its selected state to drop.
                replaced[sheet.PartPath] = Serialize(document);
                continue;
            }

            if (hasMarks || hasOurComments)
            {
                string? drawingId = (string?)worksheet.Element(Main + "legacyDrawing")?.Attribute(RelationshipsNs + "id");
                string? drawingPath = drawingId is null ? null : Target(sheetRels, drawingId, sheet.PartPath);
                if ((commentsPath is not null && !package.Exists(commentsPath)) || (drawingId is not null && (drawingPath is null || !package.Exists(drawingPath))))
                {
                    return null; // a dangling relationship: the package is not what it claims
                }

                // The member's own comments (the template's help on the headers, say) stay; ours join them.
                XDocument comments = commentsPath is null ? NewComments() : package.LoadXml(commentsPath)!;
                if (comments.Root?.Name != Main + "comments")
                {
                    return null;
                }

                byte[]? vml = drawingPath is null ? null : package.ReadBytes(drawingPath);
                if (hasOurComments)
                {
                    // Earlier annotations (an annotated copy sent back): our comments, their notes and fills go first.
                    (List<(int Row, int Column)> cleaned, List<(int Row, int Column)> removed) = RemoveOurComments(comments.Root);
                    UnmarkCells(worksheet, cleaned, styleBook);
                    if (vml is not null)
                    {
                        vml = Vml.RemoveNotes(vml, removed);
                    }
                }

                List<(int Row, int Column, int Lines)> shapes = [];
                if (hasMarks)
                {
                    marked += MarkCells(worksheet, cells!, styleBook);
                    shapes = MergeComments(comments.Root, cells!);
                }

                if (commentsPath is null)
                {
                    commentsPath = package.FreePath("xl/cleanum-comments", ".xml", added);
                    sheetRels.Root!.Add(Relationship(FreeRelationshipId(sheetRels, "rIdCleaNumComments"), CommentsType,
                        RelativeTarget(sheet.PartPath, commentsPath)));
                    AddOverride(contentTypes, commentsPath, CommentsContentType);
                }

                replaced[commentsPath] = Serialize(comments);

                if (drawingPath is null)
                {
                    drawingPath = package.FreePath("xl/drawings/cleanum-notes", ".vml", added);
                    drawingId = FreeRelationshipId(sheetRels, "rIdCleaNumNotes");
                    sheetRels.Root!.Add(Relationship(drawingId, VmlDrawingType, RelativeTarget(sheet.PartPath, drawingPath)));
                    InsertLegacyDrawing(worksheet, drawingId);
                    AddDefault(contentTypes, "vml", VmlContentType);
                    replaced[drawingPath] = Vml.Create(++vmlBlock, shapes);
                }
                else
                {
                    replaced[drawingPath] = Vml.AddShapes(vml!, shapes);
                }

                replaced[sheetRelsPath] = Serialize(sheetRels);
            }

            replaced[sheet.PartPath] = Serialize(document);
        }

        // The first sheet, shown on opening.
        string anomaliesPath = package.FreePath("xl/worksheets/cleanum-anomalies", ".xml", added);
        string anomaliesId = FreeRelationshipId(workbookRels, "rIdCleaNumAnomalies");
        workbookRels.Root!.Add(Relationship(anomaliesId, WorksheetType, RelativeTarget(workbookPath, anomaliesPath)));
        int sheetId = sheetsElement.Elements(Main + "sheet").Select(s => Int(s.Attribute("sheetId")) ?? 0).DefaultIfEmpty(0).Max() + 1;
        sheetsElement.AddFirst(new XElement(Main + "sheet",
            new XAttribute("name", AnnotatedCopyWriter.SheetName),
            new XAttribute("sheetId", sheetId),
            new XAttribute(RelationshipsNs + "id", anomaliesId)));
        ShiftSheetIndexes(workbook.Root);
        added.Add((anomaliesPath, AnomaliesSheet(unplaced, reportFileName, styleBook)));
        AddOverride(contentTypes, anomaliesPath, WorksheetContentType);

        // An .xlsm (or a template) becomes a plain workbook: the copy is an .xlsx, which Excel refuses to open with a
        // macro-enabled content type; the VBA project goes (the copy is for reading the annotations).
        string? dropped = null;
        foreach (XElement relationship in workbookRels.Root.Elements(PackageRelationships + "Relationship").ToList())
        {
            if ((string?)relationship.Attribute("Type") == VbaProjectType)
            {
                dropped = PackageParts.ResolveTarget(workbookPath, (string?)relationship.Attribute("Target") ?? "");
                relationship.Remove();
            }
        }

        MakePlainWorkbook(contentTypes, workbookPath, dropped);
        replaced[workbookPath] = Serialize(workbook);
        replaced[workbookRelsPath] = Serialize(workbookRels);
        replaced[stylesPath!] = Serialize(styles);

        // Some packages give their relationship parts one override each instead of the "rels" default: a new one (a
        // sheet's first relationships part) needs the default.
        if (replaced.Keys.Any(p => !package.Exists(p) && p.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            AddDefault(contentTypes, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        }

        replaced["[Content_Types].xml"] = Serialize(contentTypes);

        if (dropped is not null)
        {
            skipped.Add(dropped);
            skipped.Add(RelationshipsPathOf(dropped));
        }

        // Parts that did not exist are added, the others replaced in place.
        foreach (string path in replaced.Keys.Where(p => !package.Exists(p)).ToList())
        {
            added.Add((path, replaced[path]));
            replaced.Remove(path);
        }

        WorkbookFiles.WriteAtomically(outputPath, output => package.CopyTo(output, replaced, added, skipped));
        return marked;
    }

    /// <summary>Fills each marked cell (creating the cell, and its row, when blank) and returns how many were marked.</summary>
    private static int MarkCells(XElement worksheet, SortedDictionary<(int Row, int Column), List<Issue>> cells, StyleBook styles)
    {
        XElement sheetData = worksheet.Element(Main + "sheetData") ?? throw new InvalidDataException("Worksheet without sheetData");
        var columnStyles = ColumnStyles(worksheet);

        // Rows by number; rows and cells without r are numbered as Excel does (one after the previous).
        var rows = new SortedDictionary<int, XElement>();
        int previousRow = 0;
        foreach (XElement row in sheetData.Elements(Main + "row"))
        {
            int number = Int(row.Attribute("r")) ?? previousRow + 1;
            row.SetAttributeValue("r", number);
            rows[number] = row;
            previousRow = number;
        }

        foreach (var group in cells.GroupBy(c => c.Key.Row))
        {
            if (!rows.TryGetValue(group.Key, out XElement? row))
            {
                row = new XElement(Main + "row", new XAttribute("r", group.Key));
                XElement? next = rows.Where(r => r.Key > group.Key).Select(r => r.Value).FirstOrDefault();
                if (next is null)
                {
                    sheetData.Add(row);
                }
                else
                {
                    next.AddBeforeSelf(row);
                }

                rows[group.Key] = row;
            }

            row.Attribute("spans")?.Remove();
            var byColumn = new SortedDictionary<int, XElement>();
            int previousColumn = -1;
            foreach (XElement c in row.Elements(Main + "c"))
            {
                int column = (string?)c.Attribute("r") is { } reference && TryParseReference(reference, out var parsed) ? parsed.Column : previousColumn + 1;
                c.SetAttributeValue("r", CellName(group.Key, column));
                byColumn[column] = c;
                previousColumn = column;
            }

            foreach (var cell in group)
            {
                int column = cell.Key.Column;
                if (!byColumn.TryGetValue(column, out XElement? c))
                {
                    c = new XElement(Main + "c", new XAttribute("r", CellName(group.Key, column)));
                    int baseStyle = Flag(row.Attribute("customFormat"))
                        ? Int(row.Attribute("s")) ?? 0
                        : columnStyles(column);
                    if (baseStyle != 0)
                    {
                        c.SetAttributeValue("s", baseStyle);
                    }

                    XElement? next = byColumn.Where(x => x.Key > column).Select(x => x.Value).FirstOrDefault();
                    if (next is null)
                    {
                        // Cells come before a row's extLst.
                        if (row.Element(Main + "extLst") is { } rowExtensions)
                        {
                            rowExtensions.AddBeforeSelf(c);
                        }
                        else
                        {
                            row.Add(c);
                        }
                    }
                    else
                    {
                        next.AddBeforeSelf(c);
                    }

                    byColumn[column] = c;
                }

                Severity worst = cell.Value.Max(i => i.Severity);
                if (worst is Severity.Error or Severity.Warning)
                {
                    c.SetAttributeValue("s", styles.WithFill(Int(c.Attribute("s")) ?? 0, worst));
                }
            }
        }

        return cells.Count;
    }

    /// <summary>Drops a sheet: its entry, relationship, part (and the part's relationships) and content type; names
    /// scoped to it go, names scoped to later sheets move down one position.</summary>
    private static void RemoveSheet(XElement workbook, XElement sheet, int position, XDocument workbookRels, string? id, string? part,
        XDocument contentTypes, HashSet<string> skipped)
    {
        sheet.Remove();
        workbookRels.Root?.Elements(PackageRelationships + "Relationship").Where(r => (string?)r.Attribute("Id") == id).Remove();
        if (part is not null)
        {
            skipped.Add(part);
            skipped.Add(RelationshipsPathOf(part));
            contentTypes.Root!.Elements(ContentTypesNs + "Override")
                .Where(o => string.Equals(((string?)o.Attribute("PartName") ?? "").TrimStart('/'), part, StringComparison.OrdinalIgnoreCase))
                .Remove();
        }

        foreach (XElement name in workbook.Elements(Main + "definedNames").Elements(Main + "definedName").ToList())
        {
            if (Int(name.Attribute("localSheetId")) is int index)
            {
                if (index == position)
                {
                    name.Remove();
                }
                else if (index > position)
                {
                    name.SetAttributeValue("localSheetId", index - 1);
                }
            }
        }
    }

    /// <summary>Removes CleaNum's text from the comments: a comment that is ours alone goes (returned in Removed, its
    /// note shape must go too); a member's comment we had appended to is cut back to the member's text. Every cell
    /// touched is returned in Cleaned (its fill goes back to the member's).</summary>
    private static (List<(int Row, int Column)> Cleaned, List<(int Row, int Column)> Removed) RemoveOurComments(XElement comments)
    {
        var cleaned = new List<(int Row, int Column)>();
        var removed = new List<(int Row, int Column)>();
        XElement? list = comments.Element(Main + "commentList");
        foreach (XElement comment in list?.Elements(Main + "comment").ToList() ?? [])
        {
            if ((string?)comment.Attribute("ref") is not { } reference || !TryParseReference(reference, out var cell)
                || comment.Element(Main + "text") is not { } body)
            {
                continue;
            }

            List<XElement> texts = [.. body.Elements(Main + "t").Concat(body.Elements(Main + "r").Elements(Main + "t"))];
            string whole = string.Concat(texts.Select(t => t.Value));
            int ours = whole.StartsWith(AnnotatedCopyWriter.CommentHeader, StringComparison.Ordinal)
                ? 0
                : whole.IndexOf("\n" + AnnotatedCopyWriter.CommentHeader, StringComparison.Ordinal);
            if (ours < 0)
            {
                continue;
            }

            cleaned.Add(cell);
            string kept = whole[..ours].TrimEnd('\r', '\n');
            if (kept.Length == 0)
            {
                comment.Remove();
                removed.Add(cell);
                continue;
            }

            // Keep the member's runs up to where our text started.
            int start = 0;
            foreach (XElement t in texts)
            {
                int length = t.Value.Length;
                if (start >= kept.Length)
                {
                    (t.Parent!.Name == Main + "r" ? t.Parent : t).Remove();
                }
                else if (start + length > kept.Length)
                {
                    t.Value = t.Value[..(kept.Length - start)];
                }

                start += length;
            }
        }

        return (cleaned, removed);
    }

    /// <summary>Cells CleaNum had filled get back the format they had before (the same format without our fill).</summary>
    private static void UnmarkCells(XElement worksheet, List<(int Row, int Column)> cells, StyleBook styles)
    {
        if (cells.Count == 0 || worksheet.Element(Main + "sheetData") is not { } sheetData)
        {
            return;
        }

        var wanted = cells.Select(c => CellName(c.Row, c.Column)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (XElement c in sheetData.Elements(Main + "row").Elements(Main + "c"))
        {
            if ((string?)c.Attribute("r") is { } reference && wanted.Contains(reference) && Int(c.Attribute("s")) is int style
                && styles.WithoutOurFill(style) is int original)
            {
                c.SetAttributeValue("s", original == 0 ? null : original);
            }
        }
    }

    /// <summary>The style index of a blank cell in a column (from <c>cols</c>), 0 when the column has none.</summary>
    private static Func<int, int> ColumnStyles(XElement worksheet)
    {
        var ranges = worksheet.Elements(Main + "cols").Elements(Main + "col")
            .Select(c => (Min: Int(c.Attribute("min")) ?? 0, Max: Int(c.Attribute("max")) ?? 0, Style: Int(c.Attribute("style")) ?? 0))
            .Where(c => c.Style != 0)
            .ToList();
        return column => ranges.FirstOrDefault(r => column + 1 >= r.Min && column + 1 <= r.Max).Style;
    }

    private static void InsertLegacyDrawing(XElement worksheet, string relationshipId)
    {
        var element = new XElement(Main + "legacyDrawing", new XAttribute(RelationshipsNs + "id", relationshipId));
        XElement? follower = worksheet.Elements().FirstOrDefault(e => e.Name.Namespace == Main && AfterLegacyDrawing.Contains(e.Name.LocalName));
        if (follower is null)
        {
            worksheet.Add(element);
        }
        else
        {
            follower.AddBeforeSelf(element);
        }
    }

    /// <summary>Sheet positions move by one: defined names scoped to a sheet, and the tab shown (now the first).</summary>
    private static void ShiftSheetIndexes(XElement workbook)
    {
        foreach (XElement name in workbook.Elements(Main + "definedNames").Elements(Main + "definedName"))
        {
            if (Int(name.Attribute("localSheetId")) is int index)
            {
                name.SetAttributeValue("localSheetId", index + 1);
            }
        }

        foreach (XElement view in workbook.Elements(Main + "bookViews").Elements(Main + "workbookView"))
        {
            view.SetAttributeValue("activeTab", 0);
            view.Attribute("firstSheet")?.Remove();
        }
    }

    private static XDocument NewComments() =>
        new(new XElement(Main + "comments", new XElement(Main + "authors"), new XElement(Main + "commentList")));

    /// <summary>Adds each marked cell's text to the comments part (after the member's own comment on that cell, if
    /// any) and returns the cells that had no comment, which need a VML shape.</summary>
    private static List<(int Row, int Column, int Lines)> MergeComments(XElement comments, SortedDictionary<(int Row, int Column), List<Issue>> cells)
    {
        XElement authors = comments.Element(Main + "authors") ?? new XElement(Main + "authors");
        if (authors.Parent is null)
        {
            comments.AddFirst(authors);
        }

        XElement commentList = comments.Element(Main + "commentList") ?? new XElement(Main + "commentList");
        if (commentList.Parent is null)
        {
            authors.AddAfterSelf(commentList);
        }

        List<XElement> authorList = [.. authors.Elements(Main + "author")];
        int authorId = authorList.FindIndex(a => a.Value == "CleaNum");
        if (authorId < 0)
        {
            authors.Add(new XElement(Main + "author", "CleaNum"));
            authorId = authorList.Count;
        }

        var existing = new Dictionary<(int, int), XElement>();
        foreach (XElement comment in commentList.Elements(Main + "comment"))
        {
            if ((string?)comment.Attribute("ref") is { } reference && TryParseReference(reference, out var cell))
            {
                existing.TryAdd(cell, comment);
            }
        }

        var shapes = new List<(int Row, int Column, int Lines)>();
        foreach (var cell in cells)
        {
            string text = AnnotatedCopyWriter.CommentText(cell.Value);
            if (existing.TryGetValue(cell.Key, out XElement? comment))
            {
                XElement body = comment.Element(Main + "text") ?? new XElement(Main + "text");
                if (body.Parent is null)
                {
                    comment.AddFirst(body);
                }

                if (body.Element(Main + "t") is { } plain)
                {
                    // A plain-text comment becomes a run, so that ours can follow it as another run.
                    plain.Remove();
                    body.AddFirst(new XElement(Main + "r", new XElement(Main + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), plain.Value)));
                }

                body.Elements(Main + "r").LastOrDefault()?.AddAfterSelf(Run("\n" + text));
                if (!body.Elements(Main + "r").Any())
                {
                    body.AddFirst(Run(text));
                }

                continue;
            }

            commentList.Add(new XElement(Main + "comment",
                new XAttribute("ref", CellName(cell.Key.Row, cell.Key.Column)),
                new XAttribute("authorId", authorId),
                new XElement(Main + "text", Run(text))));
            shapes.Add((cell.Key.Row, cell.Key.Column, AnnotatedCopyWriter.CommentHeight(text)));
        }

        return shapes;
    }

    private static XElement Run(string text) =>
        new(Main + "r",
            new XElement(Main + "rPr",
                new XElement(Main + "sz", new XAttribute("val", 9)),
                new XElement(Main + "rFont", new XAttribute("val", "Tahoma")),
                new XElement(Main + "family", new XAttribute("val", 2))),
            new XElement(Main + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), XmlSafe(text)));

    /// <summary>The legacy VML drawing Excel needs to show comments: one hidden note shape per comment. Existing drawings
    /// are often not well-formed XML (and LibreOffice repeats shape ids), so shapes are inserted as text before the
    /// closing tag, the rest of the bytes untouched.</summary>
    private static class Vml
    {
        /// <summary>Declared on each inserted element: some writers (ClosedXML) declare the prefixes element by element
        /// rather than on the root.</summary>
        private const string Namespaces =
            "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\"";

        private const string ShapeType =
            "<v:shapetype " + Namespaces + " id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">"
            + "<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>";

        public static byte[] Create(int block, List<(int Row, int Column, int Lines)> shapes)
        {
            var vml = new StringBuilder();
            vml.Append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" ")
                .Append("xmlns:x=\"urn:schemas-microsoft-com:office:excel\">")
                .Append(CultureInfo.InvariantCulture, $"<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{block}\"/></o:shapelayout>")
                .Append(ShapeType);
            AppendShapes(vml, block * 1024, shapes);
            vml.Append("</xml>");
            return Encoding.UTF8.GetBytes(vml.ToString());
        }

        /// <summary>Removes the note shapes anchored on the given cells (x:Row and x:Column are 0-based).</summary>
        public static byte[] RemoveNotes(byte[] existing, List<(int Row, int Column)> cells)
        {
            if (cells.Count == 0)
            {
                return existing;
            }

            var targets = cells.Select(c => (c.Row - 1, c.Column)).ToHashSet();
            string text = Encoding.Latin1.GetString(existing);
            string kept = VmlShapes().Replace(text, match =>
            {
                string shape = match.Value;
                Match row = VmlRow().Match(shape);
                Match column = VmlColumn().Match(shape);
                return shape.Contains("\"Note\"", StringComparison.Ordinal) && row.Success && column.Success
                    && targets.Contains((int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(column.Groups[1].Value, CultureInfo.InvariantCulture)))
                    ? ""
                    : shape;
            });
            return Encoding.Latin1.GetBytes(kept);
        }

        public static byte[] AddShapes(byte[] existing, List<(int Row, int Column, int Lines)> shapes)
        {
            if (shapes.Count == 0)
            {
                return existing;
            }

            string text = Encoding.Latin1.GetString(existing);
            int end = text.LastIndexOf("</xml>", StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                throw new InvalidDataException("VML drawing without </xml>");
            }

            int lastId = ShapeIds().Matches(text)
                .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                .DefaultIfEmpty(1024)
                .Max();
            var insert = new StringBuilder();
            if (!text.Contains("id=\"_x0000_t202\"", StringComparison.Ordinal))
            {
                insert.Append(ShapeType);
            }

            AppendShapes(insert, lastId, shapes);
            byte[] added = Encoding.ASCII.GetBytes(insert.ToString());
            return [.. existing.AsSpan(0, end), .. added, .. existing.AsSpan(end)];
        }

        private static void AppendShapes(StringBuilder vml, int lastId, List<(int Row, int Column, int Lines)> shapes)
        {
            foreach ((int row, int column, int lines) in shapes)
            {
                int top = Math.Max(0, row - 2);
                vml.Append(CultureInfo.InvariantCulture, $"<v:shape {Namespaces} id=\"_x0000_s{++lastId}\" type=\"#_x0000_t202\" ")
                    .Append(CultureInfo.InvariantCulture,
                        $"style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:{lines * 12}pt;z-index:1;visibility:hidden\" ")
                    .Append("fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>")
                    .Append("<v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>")
                    .Append("<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
                    .Append("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>")
                    .Append(CultureInfo.InvariantCulture, $"<x:Anchor>{column + 1}, 15, {top}, 2, {column + 5}, 15, {top + lines}, 2</x:Anchor>")
                    .Append(CultureInfo.InvariantCulture,
                        $"<x:AutoFill>False</x:AutoFill><x:Row>{row - 1}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>");
            }
        }
    }

    /// <summary>The first sheet: title, explanation, and the issues that point at no cell, as ClosedXML's path writes them.</summary>
    private static byte[] AnomaliesSheet(List<Issue> unplaced, string reportFileName, StyleBook styles)
    {
        int title = styles.Add(bold: true, size: 14, fill: null, wrap: false);
        int wrap = styles.Add(bold: false, size: null, fill: null, wrap: true);
        int bold = styles.Add(bold: true, size: null, fill: null, wrap: false);
        int header = styles.Add(bold: true, size: null, fill: "FFDDEBF7", wrap: false);
        int plainLine = wrap;
        int errorLine = styles.Add(bold: false, size: null, fill: StyleBook.ErrorArgb, wrap: true);
        int warningLine = styles.Add(bold: false, size: null, fill: StyleBook.WarningArgb, wrap: true);

        double[] widths = AnnotatedCopyWriter.Widths;
        string explanation = AnnotatedCopyWriter.Explanation(reportFileName);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, WriterSettings))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("worksheet", Main.NamespaceName);
            xml.WriteStartElement("sheetPr", Main.NamespaceName);
            xml.WriteStartElement("pageSetUpPr", Main.NamespaceName);
            xml.WriteAttributeString("fitToPage", "1");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("sheetViews", Main.NamespaceName);
            xml.WriteStartElement("sheetView", Main.NamespaceName);
            xml.WriteAttributeString("tabSelected", "1");
            xml.WriteAttributeString("workbookViewId", "0");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("cols", Main.NamespaceName);
            for (int c = 0; c < widths.Length; c++)
            {
                xml.WriteStartElement("col", Main.NamespaceName);
                xml.WriteAttributeString("min", Number(c + 1));
                xml.WriteAttributeString("max", Number(c + 1));
                xml.WriteAttributeString("width", Number(widths[c]));
                xml.WriteAttributeString("customWidth", "1");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteStartElement("sheetData", Main.NamespaceName);
            Row(xml, 1, 22, [("Anomalies relevées par CleaNum", title)]);
            Row(xml, 2, MemberReportWriter.RowHeight(explanation, widths.Sum()), [(explanation, wrap)]);
            Row(xml, 4, null, [(unplaced.Count == 0
                ? "Toutes les anomalies sont signalées directement dans les cellules concernées."
                : "Anomalies qui ne concernent pas une cellule précise :", bold)]);
            if (unplaced.Count > 0)
            {
                Row(xml, 5, null, [.. AnnotatedCopyWriter.Headers.Select(h => ((object?)h, header))]);
                int row = 6;
                foreach (Issue issue in unplaced)
                {
                    int style = issue.Severity switch { Severity.Error => errorLine, Severity.Warning => warningLine, _ => plainLine };
                    double height = Math.Max(
                        MemberReportWriter.RowHeight(issue.Message, widths[6]),
                        MemberReportWriter.RowHeight(issue.Hint ?? "", widths[7]));
                    Row(xml, row++, height,
                    [
                        (issue.Sheet ?? "(général)", style), (issue.Row, style), (issue.Column ?? "", style), (issue.Value ?? "", style),
                        (FrenchText.SeverityLabel(issue.Severity), style), (issue.Code, style), (issue.Message, style), (issue.Hint ?? "", style),
                    ]);
                }
            }

            xml.WriteEndElement();
            xml.WriteStartElement("mergeCells", Main.NamespaceName);
            xml.WriteAttributeString("count", "1");
            xml.WriteStartElement("mergeCell", Main.NamespaceName);
            xml.WriteAttributeString("ref", "A2:" + CellName(2, widths.Length - 1));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("pageMargins", Main.NamespaceName);
            foreach ((string side, string value) in new[] { ("left", "0.7"), ("right", "0.7"), ("top", "0.75"), ("bottom", "0.75"), ("header", "0.3"), ("footer", "0.3") })
            {
                xml.WriteAttributeString(side, value);
            }

            xml.WriteEndElement();
            xml.WriteStartElement("pageSetup", Main.NamespaceName);
            xml.WriteAttributeString("orientation", "landscape");
            xml.WriteAttributeString("fitToWidth", "1");
            xml.WriteAttributeString("fitToHeight", "0");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    /// <summary>One row; strings are inline (the shared string table is left alone), numbers are numbers, null is blank
    /// but keeps its style.</summary>
    private static void Row(XmlWriter xml, int number, double? height, (object? Value, int Style)[] cells)
    {
        xml.WriteStartElement("row", Main.NamespaceName);
        xml.WriteAttributeString("r", Number(number));
        if (height is double h)
        {
            xml.WriteAttributeString("ht", Number(h));
            xml.WriteAttributeString("customHeight", "1");
        }

        for (int c = 0; c < cells.Length; c++)
        {
            (object? value, int style) = cells[c];
            xml.WriteStartElement("c", Main.NamespaceName);
            xml.WriteAttributeString("r", CellName(number, c));
            if (style != 0)
            {
                xml.WriteAttributeString("s", Number(style));
            }

            switch (value)
            {
                case int n:
                    xml.WriteElementString("v", Main.NamespaceName, Number(n));
                    break;
                case string text when text.Length > 0:
                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is", Main.NamespaceName);
                    xml.WriteStartElement("t", Main.NamespaceName);
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(XmlSafe(text));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteValue(XmlWriter xml, string element, string value)
    {
        xml.WriteStartElement(element, Main.NamespaceName);
        xml.WriteAttributeString("val", value);
        xml.WriteEndElement();
    }

    /// <summary>Characters XML 1.0 cannot carry (a member's value may hold control characters) become U+FFFD.</summary>
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)))
        {
            return text;
        }

        return string.Create(text.Length, text, (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = XmlConvert.IsXmlChar(source[i]) || char.IsSurrogate(source[i]) ? source[i] : '\uFFFD';
            }
        });
    }

    /// <summary>An integer attribute, or null when absent or not an integer (writers disagree on formats).</summary>
    private static int? Int(XAttribute? attribute) =>
        attribute is not null && int.TryParse(attribute.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;

    /// <summary>An xsd:boolean attribute: "1" or "true" (LibreOffice writes "true"/"false").</summary>
    private static bool Flag(XAttribute? attribute) => attribute?.Value.Trim() is "1" or "true";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A cell reference of one to three letters then digits ("B3", "b3"), as 1-based row and 0-based column.</summary>
    private static bool TryParseReference(string reference, out (int Row, int Column) cell)
    {
        int letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            letters++;
        }

        cell = default;
        if (letters is 0 or > 3 || letters == reference.Length || reference.AsSpan(letters).ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(reference.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out int row))
        {
            return false;
        }

        cell = (row, Cell.ColumnOf(reference)!.Value);
        return true;
    }

    /// <summary>"B3" from a 1-based row and a 0-based column.</summary>
    internal static string CellName(int row, int column) => Cell.ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    private static XElement Relationship(string id, string type, string target) =>
        new(PackageRelationships + "Relationship", new XAttribute("Id", id), new XAttribute("Type", type), new XAttribute("Target", target));

    private static string FreeRelationshipId(XDocument relationships, string stem)
    {
        var taken = relationships.Root!.Elements(PackageRelationships + "Relationship").Select(r => (string?)r.Attribute("Id")).ToHashSet(StringComparer.Ordinal);
        for (int i = 1; ; i++)
        {
            string id = stem + i.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(id))
            {
                return id;
            }
        }
    }

    private static string? Target(XDocument relationships, string id, string sourcePart) =>
        relationships.Root?.Elements(PackageRelationships + "Relationship")
            .Where(r => (string?)r.Attribute("Id") == id && (string?)r.Attribute("TargetMode") != "External")
            .Select(r => PackageParts.ResolveTarget(sourcePart, (string?)r.Attribute("Target") ?? ""))
            .FirstOrDefault();

    private static string? TargetOfType(XDocument relationships, string type, string sourcePart) =>
        relationships.Root?.Elements(PackageRelationships + "Relationship")
            .Where(r => (string?)r.Attribute("Type") == type && (string?)r.Attribute("TargetMode") != "External")
            .Select(r => PackageParts.ResolveTarget(sourcePart, (string?)r.Attribute("Target") ?? ""))
            .FirstOrDefault();

    private static string RelativeTarget(string sourcePart, string targetPart)
    {
        string[] from = sourcePart.Split('/')[..^1];
        string[] to = targetPart.Split('/');
        int common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], StringComparison.OrdinalIgnoreCase))
        {
            common++;
        }

        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to[common..]));
    }

    private static string StylesFolder(string workbookPath)
    {
        int slash = workbookPath.LastIndexOf('/');
        return slash < 0 ? "" : workbookPath[..(slash + 1)];
    }

    private static string RelationshipsPathOf(string part)
    {
        int slash = part.LastIndexOf('/');
        return slash < 0 ? "_rels/" + part + ".rels" : part[..(slash + 1)] + "_rels/" + part[(slash + 1)..] + ".rels";
    }

    /// <summary>The workbook part gets the plain workbook content type through its own override (some packages give it
    /// through the "xml" default, which then becomes plain XML); the dropped VBA project loses its override.</summary>
    private static void MakePlainWorkbook(XDocument contentTypes, string workbookPath, string? droppedPart)
    {
        XElement root = contentTypes.Root!;
        foreach (XElement type in root.Elements(ContentTypesNs + "Override").ToList())
        {
            string part = ((string?)type.Attribute("PartName") ?? "").TrimStart('/');
            if (part.Equals(workbookPath, StringComparison.OrdinalIgnoreCase)
                || (droppedPart is not null && part.Equals(droppedPart, StringComparison.OrdinalIgnoreCase)))
            {
                type.Remove();
            }
        }

        foreach (XElement type in root.Elements(ContentTypesNs + "Default"))
        {
            string contentType = (string?)type.Attribute("ContentType") ?? "";
            if (contentType.EndsWith(".main+xml", StringComparison.OrdinalIgnoreCase)
                && contentType.StartsWith("application/vnd.ms-excel.", StringComparison.OrdinalIgnoreCase))
            {
                type.SetAttributeValue("ContentType", "application/xml");
            }
        }

        AddOverride(contentTypes, workbookPath, PlainMainContentType);
    }

    private static void AddOverride(XDocument contentTypes, string part, string contentType) =>
        contentTypes.Root!.Add(new XElement(ContentTypesNs + "Override",
            new XAttribute("PartName", "/" + part), new XAttribute("ContentType", contentType)));

    private static void AddDefault(XDocument contentTypes, string extension, string contentType)
    {
        if (contentTypes.Root!.Elements(ContentTypesNs + "Default")
            .Any(d => string.Equals((string?)d.Attribute("Extension"), extension, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        contentTypes.Root.AddFirst(new XElement(ContentTypesNs + "Default",
            new XAttribute("Extension", extension), new XAttribute("ContentType", contentType)));
    }

    private static byte[] Serialize(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    private sealed record SheetEntry(string Name, string? PartPath);

    /// <summary>The input package: entries by part name (case-insensitive, as OPC names are).</summary>
    private sealed class Package(ZipArchive zip)
    {
        private readonly Dictionary<string, ZipArchiveEntry> _entries = zip.Entries
            .Where(e => !e.FullName.EndsWith('/'))
            .GroupBy(e => e.FullName.TrimStart('/'), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        private readonly HashSet<string> _reserved = new(StringComparer.OrdinalIgnoreCase);

        public bool Exists(string part) => _entries.ContainsKey(part);

        public string? RootTarget(string type) =>
            LoadXml("_rels/.rels") is { } rels ? TargetOfType(rels, type, "") : null;

        public XDocument? LoadXml(string part)
        {
            if (!_entries.TryGetValue(part, out ZipArchiveEntry? entry))
            {
                return null;
            }

            using Stream stream = entry.Open();
            using var reader = XmlReader.Create(stream, ReaderSettings);
            return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }

        public byte[] ReadBytes(string part)
        {
            using Stream stream = _entries[part].Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        /// <summary>The highest shape block (o:idmap data) the package's VML drawings use, so new drawings use others.</summary>
        public int LastVmlBlock()
        {
            int last = 0;
            foreach (string part in _entries.Keys.Where(k => k.EndsWith(".vml", StringComparison.OrdinalIgnoreCase)))
            {
                string text = Encoding.Latin1.GetString(ReadBytes(part));
                foreach (Match match in IdMapBlocks().Matches(text))
                {
                    foreach (string number in match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (int.TryParse(number, CultureInfo.InvariantCulture, out int block))
                        {
                            last = Math.Max(last, block);
                        }
                    }
                }
            }

            return last;
        }

        /// <summary>Whether the part holds <paramref name="text"/> (ASCII), searched in its bytes; a UTF-16 part (rare,
        /// but allowed) is decoded instead.</summary>
        public bool ContainsText(string part, string text)
        {
            using (Stream head = _entries[part].Open())
            {
                Span<byte> bom = stackalloc byte[2];
                if (head.ReadAtLeast(bom, 2, throwOnEndOfStream: false) == 2 && (bom is [0xFF, 0xFE] or [0xFE, 0xFF]))
                {
                    using Stream again = _entries[part].Open();
                    using var reader = new StreamReader(again, detectEncodingFromByteOrderMarks: true);
                    return reader.ReadToEnd().Contains(text, StringComparison.Ordinal);
                }
            }

            using Stream stream = _entries[part].Open();
            return PackageParts.Contains(stream, Encoding.ASCII.GetBytes(text));
        }

        /// <summary>A part name not in the package and not handed out before.</summary>
        public string FreePath(string stem, string extension, List<(string Path, byte[] Content)> added)
        {
            for (int i = 1; ; i++)
            {
                string path = stem + i.ToString(CultureInfo.InvariantCulture) + extension;
                if (!_entries.ContainsKey(path) && !added.Any(a => string.Equals(a.Path, path, StringComparison.OrdinalIgnoreCase)) && _reserved.Add(path))
                {
                    return path;
                }
            }
        }

        /// <summary>Every entry in its original order (replaced ones with their new content), then the added parts.</summary>
        public void CopyTo(Stream output, Dictionary<string, byte[]> replaced, List<(string Path, byte[] Content)> added, HashSet<string> skipped)
        {
            using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                string name = entry.FullName.TrimStart('/');
                if (entry.FullName.EndsWith('/') || skipped.Contains(name) || !ReferenceEquals(_entries.GetValueOrDefault(name), entry))
                {
                    continue;
                }

                ZipArchiveEntry copy = archive.CreateEntry(name, CompressionLevel.Fastest);
                using Stream target = copy.Open();
                if (replaced.TryGetValue(name, out byte[]? content))
                {
                    target.Write(content);
                }
                else
                {
                    using Stream source = entry.Open();
                    source.CopyTo(target);
                }
            }

            foreach ((string path, byte[] content) in added)
            {
                using Stream target = archive.CreateEntry(path, CompressionLevel.Fastest).Open();
                target.Write(content);
            }
        }
    }

    /// <summary>The styles part, to which fonts, fills and cell formats are appended (never changed in place).</summary>
    private sealed class StyleBook
    {
        public const string ErrorArgb = "FFFFC7CE";
        public const string WarningArgb = "FFFFEB9C";

        private readonly XElement _fonts;
        private readonly XElement _fills;
        private readonly XElement _cellXfs;
        private readonly List<XElement> _formats;
        private readonly Dictionary<(int Style, Severity Severity), int> _filled = [];
        private readonly Dictionary<string, int> _fillIds = new(StringComparer.Ordinal);
        private readonly Dictionary<(bool Bold, int? Size), int> _fontIds = [];

        private StyleBook(XElement fonts, XElement fills, XElement cellXfs)
        {
            _fonts = fonts;
            _fills = fills;
            _cellXfs = cellXfs;
            _formats = [.. cellXfs.Elements(Main + "xf")];
        }

        /// <summary>Opens the style sheet, adding the sections a minimal writer left out (with Excel's defaults) so
        /// that formats can be appended; existing sections are never changed.</summary>
        public static StyleBook Open(XElement styleSheet)
        {
            XElement fonts = Section(styleSheet, "fonts", "font",
                () => new XElement(Main + "font", new XElement(Main + "sz", new XAttribute("val", 11)), new XElement(Main + "name", new XAttribute("val", "Calibri"))));
            XElement fills = Section(styleSheet, "fills", "fill",
                () => new XElement(Main + "fill", new XElement(Main + "patternFill", new XAttribute("patternType", "none"))),
                () => new XElement(Main + "fill", new XElement(Main + "patternFill", new XAttribute("patternType", "gray125"))));
            Section(styleSheet, "borders", "border",
                () => new XElement(Main + "border", new XElement(Main + "left"), new XElement(Main + "right"), new XElement(Main + "top"),
                    new XElement(Main + "bottom"), new XElement(Main + "diagonal")));
            Section(styleSheet, "cellStyleXfs", "xf",
                () => new XElement(Main + "xf", new XAttribute("numFmtId", 0), new XAttribute("fontId", 0), new XAttribute("fillId", 0), new XAttribute("borderId", 0)));
            XElement cellXfs = Section(styleSheet, "cellXfs", "xf",
                () => new XElement(Main + "xf", new XAttribute("numFmtId", 0), new XAttribute("fontId", 0), new XAttribute("fillId", 0),
                    new XAttribute("borderId", 0), new XAttribute("xfId", 0)));
            return new StyleBook(fonts, fills, cellXfs);
        }

        /// <summary>Style sheet sections in ECMA-376 order (CT_Stylesheet).</summary>
        private static readonly string[] SectionOrder =
            ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

        /// <summary>The section, created in its place when missing, with the default items when it has none.</summary>
        private static XElement Section(XElement styleSheet, string name, string item, params Func<XElement>[] defaults)
        {
            XElement? section = styleSheet.Element(Main + name);
            if (section is null)
            {
                section = new XElement(Main + name);
                int rank = Array.IndexOf(SectionOrder, name);
                XElement? follower = styleSheet.Elements().FirstOrDefault(e => e.Name.Namespace == Main && Array.IndexOf(SectionOrder, e.Name.LocalName) > rank);
                if (follower is null)
                {
                    styleSheet.Add(section);
                }
                else
                {
                    follower.AddBeforeSelf(section);
                }
            }

            if (!section.Elements(Main + item).Any())
            {
                foreach (Func<XElement> create in defaults)
                {
                    section.Add(create());
                }
            }

            section.SetAttributeValue("count", section.Elements(Main + item).Count());
            return section;
        }

        /// <summary>A cell format like <paramref name="style"/> but filled with the severity's colour.</summary>
        public int WithFill(int style, Severity severity)
        {
            if (style < 0 || style >= _formats.Count)
            {
                style = 0;
            }

            if (_filled.TryGetValue((style, severity), out int index))
            {
                return index;
            }

            var format = new XElement(_formats[style]);
            format.SetAttributeValue("fillId", Fill(severity == Severity.Error ? ErrorArgb : WarningArgb));
            format.SetAttributeValue("applyFill", 1);
            return _filled[(style, severity)] = Append(format);
        }

        /// <summary>For a format carrying CleaNum's fill, the member's format it was cloned from (the same format
        /// without that fill); null when the format is not filled by us.</summary>
        public int? WithoutOurFill(int style)
        {
            if (style < 0 || style >= _formats.Count || !IsOurFill(Int(_formats[style].Attribute("fillId")) ?? 0))
            {
                return null;
            }

            XElement filled = Normalized(_formats[style]);
            for (int i = 0; i < _formats.Count; i++)
            {
                if (i != style && !IsOurFill(Int(_formats[i].Attribute("fillId")) ?? 0) && XNode.DeepEquals(Normalized(_formats[i]), filled))
                {
                    return i;
                }
            }

            var plain = new XElement(_formats[style]);
            plain.SetAttributeValue("fillId", 0);
            plain.Attribute("applyFill")?.Remove();
            return Append(plain);
        }

        private bool IsOurFill(int fillId)
        {
            XElement? fill = _fills.Elements(Main + "fill").ElementAtOrDefault(fillId);
            XElement? pattern = fill?.Element(Main + "patternFill");
            string? rgb = (string?)pattern?.Element(Main + "fgColor")?.Attribute("rgb");
            return (string?)pattern?.Attribute("patternType") == "solid"
                && (string.Equals(rgb, ErrorArgb, StringComparison.OrdinalIgnoreCase) || string.Equals(rgb, WarningArgb, StringComparison.OrdinalIgnoreCase));
        }

        private static XElement Normalized(XElement format)
        {
            var copy = new XElement(format);
            copy.Attribute("fillId")?.Remove();
            copy.Attribute("applyFill")?.Remove();
            return copy;
        }

        /// <summary>A new cell format on the workbook's default font (bold and size as asked).</summary>
        public int Add(bool bold, int? size, string? fill, bool wrap)
        {
            var format = new XElement(Main + "xf",
                new XAttribute("numFmtId", 0),
                new XAttribute("fontId", Font(bold, size)),
                new XAttribute("fillId", fill is null ? 0 : Fill(fill)),
                new XAttribute("borderId", 0),
                new XAttribute("xfId", 0));
            if (bold || size is not null)
            {
                format.SetAttributeValue("applyFont", 1);
            }

            if (fill is not null)
            {
                format.SetAttributeValue("applyFill", 1);
            }

            if (wrap)
            {
                format.SetAttributeValue("applyAlignment", 1);
                format.Add(new XElement(Main + "alignment", new XAttribute("vertical", "top"), new XAttribute("wrapText", 1)));
            }

            return Append(format);
        }

        private int Append(XElement format)
        {
            _cellXfs.Add(format);
            _formats.Add(format);
            _cellXfs.SetAttributeValue("count", _formats.Count);
            return _formats.Count - 1;
        }

        private int Fill(string argb)
        {
            if (_fillIds.TryGetValue(argb, out int id))
            {
                return id;
            }

            _fills.Add(new XElement(Main + "fill",
                new XElement(Main + "patternFill", new XAttribute("patternType", "solid"),
                    new XElement(Main + "fgColor", new XAttribute("rgb", argb)),
                    new XElement(Main + "bgColor", new XAttribute("indexed", 64)))));
            int count = _fills.Elements(Main + "fill").Count();
            _fills.SetAttributeValue("count", count);
            return _fillIds[argb] = count - 1;
        }

        private int Font(bool bold, int? size)
        {
            if (!bold && size is null)
            {
                return 0;
            }

            if (_fontIds.TryGetValue((bold, size), out int id))
            {
                return id;
            }

            // The default font with bold and size changed; children keep CT_Font's order (b first, sz after the effects).
            var font = new XElement(_fonts.Elements(Main + "font").First());
            font.Elements(Main + "b").Remove();
            if (bold)
            {
                font.AddFirst(new XElement(Main + "b"));
            }

            if (size is int points)
            {
                if (font.Element(Main + "sz") is { } sz)
                {
                    sz.SetAttributeValue("val", points);
                }
                else
                {
                    font.Add(new XElement(Main + "sz", new XAttribute("val", points)));
                }
            }

            _fonts.Add(font);
            int count = _fonts.Elements(Main + "font").Count();
            _fonts.SetAttributeValue("count", count);
            return _fontIds[(bold, size)] = count - 1;
        }
    }
}
