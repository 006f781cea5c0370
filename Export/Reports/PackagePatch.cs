using System.IO.Compression;
using System.Xml.Linq;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using static CleaNum.Export.Reports.PackageXml;
using CleaNum.Packaging;

namespace CleaNum.Export.Reports;

/// <summary>
/// One annotated copy being written: the member's package as received, the parts read from it and the parts replaced,
/// added or left out. Each step is one method; <see cref="AnnotatedPackage"/> runs them in order. A step that finds the
/// package beyond what it patches safely returns false, and nothing is written.
/// </summary>
internal sealed class PackagePatch
{
    private readonly MemberPackage _package;
    private readonly Dictionary<string, byte[]> _replaced = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Path, byte[] Content)> _added = [];
    private readonly HashSet<string> _skipped = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SheetEntry> _sheets = [];
    private string _workbookPath = "";
    private XDocument _workbook = new();
    private XDocument _workbookRels = new();
    private XDocument _contentTypes = new();
    private XElement _sheetsElement = new(Main + "sheets");
    private string _stylesPath = "";
    private XDocument _styles = new();
    private MemberStyleBook? _styleBook;

    /// <summary>A patch of the package <paramref name="input"/> reads from <paramref name="bytes"/> (null: the copy goes
    /// through <see cref="ZipArchive"/>, see <see cref="MemberPackage"/>).</summary>
    public PackagePatch(ZipArchive input, byte[]? bytes) => _package = new MemberPackage(input, bytes);

    private XElement WorkbookRoot => _workbook.Root!;

    private MemberStyleBook StyleBook => _styleBook ?? throw new InvalidOperationException("Styles not opened");

    /// <summary>The workbook part, its relationships, its sheets and the content types; an earlier
    /// <c>Anomalies CleaNum</c> sheet (an annotated copy sent back) is dropped, a new one is written later.</summary>
    public bool TryOpenWorkbook()
    {
        string? workbookPath = _package.RootTarget(OfficeDocumentType);
        if (workbookPath is null || _package.LoadXml(workbookPath) is not { } workbook || workbook.Root?.Name.Namespace != Main
            || workbook.Root.Element(Main + "sheets") is not { } sheets)
        {
            return false;
        }

        _workbookPath = workbookPath;
        _workbook = workbook;
        _sheetsElement = sheets;
        _workbookRels = _package.LoadXml(RelationshipsPathOf(workbookPath)) ?? NewRelationships();
        _contentTypes = _package.LoadXml("[Content_Types].xml") ?? throw new InvalidDataException("No [Content_Types].xml");
        ListSheets();
        return true;
    }

    private void ListSheets()
    {
        int position = 0;
        foreach (XElement sheet in _sheetsElement.Elements(Main + "sheet").ToList())
        {
            string name = (string?)sheet.Attribute("name") ?? "";
            string? id = (string?)sheet.Attribute(RelationshipsNs + "id");
            string? target = id is null ? null : Target(_workbookRels, id, _workbookPath);
            if (name == AnnotatedCopyWriter.SheetName)
            {
                RemoveSheet(sheet, position, id, target);
                continue;
            }

            _sheets.Add(new SheetEntry(name, target));
            position++;
        }
    }

    /// <summary>The styles part; minimal writers leave it out (or leave parts of it out): it is created or completed.</summary>
    public bool TryOpenStyles()
    {
        string? stylesPath = TargetOfType(_workbookRels, StylesType, _workbookPath);
        XDocument? styles = stylesPath is null || !_package.Exists(stylesPath) ? null : _package.LoadXml(stylesPath);
        if (styles is null)
        {
            stylesPath = _package.FreePath(StylesFolder(_workbookPath) + "cleanum-styles", ".xml", []);
            styles = new XDocument(new XElement(Main + "styleSheet"));
            _workbookRels.Root!.Add(Relationship(FreeRelationshipId(_workbookRels, "rIdCleaNumStyles"), StylesType,
                RelativeTarget(_workbookPath, stylesPath)));
            AddOverride(_contentTypes, stylesPath, StylesContentType);
        }

        if (styles.Root is not { } stylesRoot || stylesRoot.Name != Main + "styleSheet")
        {
            return false;
        }

        _stylesPath = stylesPath!;
        _styles = styles;
        _styleBook = MemberStyleBook.Open(stylesRoot);
        return true;
    }

    /// <summary>Which cell of which sheet each issue points at; the others (no sheet, no cell, a sheet the workbook does
    /// not have) go on the first sheet.</summary>
    public (Dictionary<SheetEntry, SortedDictionary<(int Row, int Column), List<Issue>>> Marks, List<Issue> Unplaced) Place(IReadOnlyList<Issue> issues)
    {
        var unplaced = new List<Issue>();
        var marks = new Dictionary<SheetEntry, SortedDictionary<(int Row, int Column), List<Issue>>>();
        string[] names = [.. _sheets.Select(s => s.Name)];
        foreach (Issue issue in issues)
        {
            SheetEntry? sheet = string.IsNullOrWhiteSpace(issue.Sheet) || AnnotatedCopyWriter.FindSheetName(names, issue.Sheet) is not { } found
                ? null
                : _sheets.First(s => s.Name == found);
            if (sheet?.PartPath is null || IssueOrder.CellReference(issue) is not { } reference || !TryParseReference(reference, out var at))
            {
                unplaced.Add(issue);
                continue;
            }

            if (!marks.TryGetValue(sheet, out var cells))
            {
                marks[sheet] = cells = [];
            }

            if (!cells.TryGetValue(at, out List<Issue>? list))
            {
                cells[at] = list = [];
            }

            list.Add(issue);
        }

        return (marks, unplaced);
    }

    /// <summary>Marks the cells of every sheet and returns how many were marked, or null when a sheet is beyond the
    /// patch. Every sheet loses its "selected" state: the new first sheet is the one shown, and two selected tabs would
    /// be grouped (typing in one would type in both). With <paramref name="cleanEarlier"/>, CleaNum's earlier comments
    /// and fills (an annotated copy sent back) go first.</summary>
    public int? TryAnnotateSheets(Dictionary<SheetEntry, SortedDictionary<(int Row, int Column), List<Issue>>> marks, bool cleanEarlier)
    {
        var vmlBlock = new VmlBlockCounter(_package.LastVmlBlock());
        int marked = 0;
        foreach (SheetEntry sheet in _sheets)
        {
            if (sheet.PartPath is null || !_package.Exists(sheet.PartPath))
            {
                continue;
            }

            marks.TryGetValue(sheet, out var cells);
            int? count = TryAnnotateSheet(sheet.PartPath, cells, cleanEarlier, vmlBlock);
            if (count is null)
            {
                return null;
            }

            marked += count.Value;
        }

        return marked;
    }

    private int? TryAnnotateSheet(string partPath, SortedDictionary<(int Row, int Column), List<Issue>>? cells, bool cleanEarlier,
        VmlBlockCounter vmlBlock)
    {
        string sheetRelsPath = RelationshipsPathOf(partPath);
        XDocument sheetRels = _package.LoadXml(sheetRelsPath) ?? NewRelationships();
        string? commentsPath = TargetOfType(sheetRels, CommentsType, partPath);
        bool hasOurComments = cleanEarlier && commentsPath is not null && _package.Exists(commentsPath)
            && _package.ContainsText(commentsPath, AnnotatedCopyWriter.CommentHeader);
        if (cells is null && !hasOurComments && !_package.ContainsText(partPath, "tabSelected"))
        {
            return 0;
        }

        XDocument document = _package.LoadXml(partPath)!;
        if (document.Root is not { } worksheet || worksheet.Name.Namespace != Main)
        {
            return null;
        }

        foreach (XElement view in worksheet.Elements(Main + "sheetViews").Elements(Main + "sheetView"))
        {
            view.Attribute("tabSelected")?.Remove();
        }

        int marked = 0;
        if (worksheet.Name == Main + "worksheet" && (cells is not null || hasOurComments))
        {
            // (A chart sheet or dialog sheet has no cells to mark, only its selected state to drop.)
            var notes = new SheetNotes(partPath, sheetRelsPath, sheetRels, commentsPath);
            int? count = TryAnnotateCells(worksheet, notes, cells, hasOurComments, vmlBlock);
            if (count is null)
            {
                return null;
            }

            marked = count.Value;
        }

        _replaced[partPath] = Serialize(document);
        return marked;
    }

    /// <summary>The cells' fills, the comments part and the VML drawing of one worksheet.</summary>
    private int? TryAnnotateCells(XElement worksheet, SheetNotes notes, SortedDictionary<(int Row, int Column), List<Issue>>? cells,
        bool hasOurComments, VmlBlockCounter vmlBlock)
    {
        string? drawingId = (string?)worksheet.Element(Main + "legacyDrawing")?.Attribute(RelationshipsNs + "id");
        string? drawingPath = drawingId is null ? null : Target(notes.Relationships, drawingId, notes.PartPath);
        if ((notes.CommentsPath is not null && !_package.Exists(notes.CommentsPath))
            || (drawingId is not null && (drawingPath is null || !_package.Exists(drawingPath))))
        {
            return null; // a dangling relationship: the package is not what it claims
        }

        // The member's own comments (the template's help on the headers, say) stay; ours join them.
        XDocument comments = notes.CommentsPath is null ? AnnotationComments.New() : _package.LoadXml(notes.CommentsPath)!;
        if (comments.Root?.Name != Main + "comments")
        {
            return null;
        }

        byte[]? vml = drawingPath is null ? null : _package.ReadBytes(drawingPath);
        if (hasOurComments)
        {
            // Earlier annotations (an annotated copy sent back): our comments, their notes and fills go first.
            (List<(int Row, int Column)> cleaned, List<(int Row, int Column)> removed) = AnnotationComments.RemoveOurs(comments.Root);
            CellMarks.Unmark(worksheet, cleaned, StyleBook);
            if (vml is not null)
            {
                vml = VmlNotes.RemoveNotes(vml, removed);
            }
        }

        int marked = 0;
        List<(int Row, int Column, int Lines)> shapes = [];
        if (cells is not null)
        {
            marked = CellMarks.Mark(worksheet, cells, StyleBook);
            shapes = AnnotationComments.Merge(comments.Root, cells);
        }

        WriteComments(notes, comments);
        WriteDrawing(worksheet, notes, drawingPath, vml, shapes, vmlBlock);
        _replaced[notes.RelationshipsPath] = Serialize(notes.Relationships);
        return marked;
    }

    private void WriteComments(SheetNotes notes, XDocument comments)
    {
        string? commentsPath = notes.CommentsPath;
        if (commentsPath is null)
        {
            commentsPath = _package.FreePath("xl/cleanum-comments", ".xml", _added);
            notes.Relationships.Root!.Add(Relationship(FreeRelationshipId(notes.Relationships, "rIdCleaNumComments"), CommentsType,
                RelativeTarget(notes.PartPath, commentsPath)));
            AddOverride(_contentTypes, commentsPath, CommentsContentType);
        }

        _replaced[commentsPath] = Serialize(comments);
    }

    private void WriteDrawing(XElement worksheet, SheetNotes notes, string? drawingPath, byte[]? vml,
        List<(int Row, int Column, int Lines)> shapes, VmlBlockCounter vmlBlock)
    {
        if (drawingPath is not null)
        {
            _replaced[drawingPath] = VmlNotes.AddShapes(vml!, shapes);
            return;
        }

        drawingPath = _package.FreePath("xl/drawings/cleanum-notes", ".vml", _added);
        string drawingId = FreeRelationshipId(notes.Relationships, "rIdCleaNumNotes");
        notes.Relationships.Root!.Add(Relationship(drawingId, VmlDrawingType, RelativeTarget(notes.PartPath, drawingPath)));
        InsertLegacyDrawing(worksheet, drawingId);
        AddDefault(_contentTypes, "vml", VmlContentType);
        _replaced[drawingPath] = VmlNotes.Create(vmlBlock.Next(), shapes);
    }

    /// <summary>The first sheet, shown on opening: title, explanation, and the issues that point at no cell.</summary>
    public void AddFirstSheet(List<Issue> unplaced, string reportFileName)
    {
        string anomaliesPath = _package.FreePath("xl/worksheets/cleanum-anomalies", ".xml", _added);
        string anomaliesId = FreeRelationshipId(_workbookRels, "rIdCleaNumAnomalies");
        _workbookRels.Root!.Add(Relationship(anomaliesId, WorksheetType, RelativeTarget(_workbookPath, anomaliesPath)));
        int sheetId = _sheetsElement.Elements(Main + "sheet").Select(s => Int(s.Attribute("sheetId")) ?? 0).DefaultIfEmpty(0).Max() + 1;
        _sheetsElement.AddFirst(new XElement(Main + "sheet",
            new XAttribute("name", AnnotatedCopyWriter.SheetName),
            new XAttribute("sheetId", sheetId),
            new XAttribute(RelationshipsNs + "id", anomaliesId)));
        ShiftSheetIndexes();
        _added.Add((anomaliesPath, AnomaliesSheet.Write(unplaced, reportFileName, StyleBook)));
        AddOverride(_contentTypes, anomaliesPath, WorksheetContentType);
    }

    /// <summary>An .xlsm (or a template) becomes a plain workbook: the copy is an .xlsx, which Excel refuses to open
    /// with a macro-enabled content type; the VBA project goes (the copy is for reading the annotations).</summary>
    public void MakePlainWorkbook()
    {
        string? dropped = null;
        foreach (XElement relationship in _workbookRels.Root!.Elements(PackageRelationships + "Relationship").ToList())
        {
            if ((string?)relationship.Attribute("Type") == VbaProjectType)
            {
                dropped = PackageParts.ResolveTarget(_workbookPath, (string?)relationship.Attribute("Target") ?? "");
                relationship.Remove();
            }
        }

        PackageXml.MakePlainWorkbook(_contentTypes, _workbookPath, dropped);
        if (dropped is not null)
        {
            _skipped.Add(dropped);
            _skipped.Add(RelationshipsPathOf(dropped));
        }
    }

    /// <summary>Writes the copy: every entry in its original order (replaced ones with their new content, left-out ones
    /// dropped), then the parts that did not exist.</summary>
    public void CopyTo(Stream output)
    {
        _replaced[_workbookPath] = Serialize(_workbook);
        _replaced[RelationshipsPathOf(_workbookPath)] = Serialize(_workbookRels);
        _replaced[_stylesPath] = Serialize(_styles);

        // Some packages give their relationship parts one override each instead of the "rels" default: a new one (a
        // sheet's first relationships part) needs the default.
        if (_replaced.Keys.Any(p => !_package.Exists(p) && p.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            AddDefault(_contentTypes, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        }

        _replaced["[Content_Types].xml"] = Serialize(_contentTypes);
        foreach (string path in _replaced.Keys.Where(p => !_package.Exists(p)).ToList())
        {
            _added.Add((path, _replaced[path]));
            _replaced.Remove(path);
        }

        _package.CopyTo(output, _replaced, _added, _skipped);
    }

    /// <summary>Drops a sheet: its entry, relationship, part (and the part's relationships) and content type; names
    /// scoped to it go, names scoped to later sheets move down one position.</summary>
    private void RemoveSheet(XElement sheet, int position, string? id, string? part)
    {
        sheet.Remove();
        _workbookRels.Root?.Elements(PackageRelationships + "Relationship").Where(r => (string?)r.Attribute("Id") == id).Remove();
        if (part is not null)
        {
            _skipped.Add(part);
            _skipped.Add(RelationshipsPathOf(part));
            RemoveOverride(_contentTypes, part);
        }

        foreach (XElement name in WorkbookRoot.Elements(Main + "definedNames").Elements(Main + "definedName").ToList())
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

    /// <summary>Sheet positions move by one: defined names scoped to a sheet, and the tab shown (now the first).</summary>
    private void ShiftSheetIndexes()
    {
        foreach (XElement name in WorkbookRoot.Elements(Main + "definedNames").Elements(Main + "definedName"))
        {
            if (Int(name.Attribute("localSheetId")) is int index)
            {
                name.SetAttributeValue("localSheetId", index + 1);
            }
        }

        foreach (XElement view in WorkbookRoot.Elements(Main + "bookViews").Elements(Main + "workbookView"))
        {
            view.SetAttributeValue("activeTab", 0);
            view.Attribute("firstSheet")?.Remove();
        }
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

    private static XDocument NewRelationships() => new(new XElement(PackageRelationships + "Relationships"));

    /// <summary>A worksheet's relationships and its comments part, if it has one.</summary>
    private sealed record SheetNotes(string PartPath, string RelationshipsPath, XDocument Relationships, string? CommentsPath);

    /// <summary>The shape blocks (o:idmap) new VML drawings take, after the highest one the package uses.</summary>
    private sealed class VmlBlockCounter(int last)
    {
        private int _last = last;

        public int Next() => ++_last;
    }
}

/// <summary>A sheet of the member's workbook: its name and its part (null when the relationship is missing).</summary>
internal sealed record SheetEntry(string Name, string? PartPath);
