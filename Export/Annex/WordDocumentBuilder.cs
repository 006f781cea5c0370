using System.Globalization;
using System.IO.Compression;
using CleaNum.Export.Spreadsheet;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CleaNum.Export.Annex;

/// <summary>A column of a Word table: its header (the form's exact title) and its width in twentieths of a point.</summary>
internal sealed record WordColumn(string Header, int Width);

/// <summary>One entry of the table of contents: the bookmark of a Heading 1 paragraph, its text and the page it is
/// expected on (Word recomputes it with F9; LibreOffice on « Mettre à jour l'index »).</summary>
internal sealed record TocEntry(string Bookmark, string Text, int Page);

/// <summary>
/// Builds a Word document (.docx) with the Open XML SDK 2.20: real styles (Title, Heading 1/2 with outline levels, so a
/// table of contents works; « Table Grid » tables whose header row repeats on every page), A4 pages, a footer with the
/// page number. <see cref="Save"/> writes the package, then copies its entries with a fixed timestamp so that the same
/// content gives the same bytes.
/// </summary>
internal sealed class WordDocumentBuilder(bool landscape, string footerText)
{
    public const string TitleStyle = "Title";
    public const string SubtitleStyle = "Subtitle";
    public const string Heading1Style = "Heading1";
    public const string Heading2Style = "Heading2";
    public const string TocHeadingStyle = "TOCHeading";
    public const string Toc1Style = "TOC1";
    public const string TableTextStyle = "TableText";
    public const string TableHeaderStyle = "TableHeader";
    public const string LabelStyle = "Label";

    private const int PageWidthA4 = 11906;
    private const int PageHeightA4 = 16838;
    private const int Margin = 1134; // 2 cm
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<OpenXmlElement> _body = [];
    private int _bookmarkId;

    /// <summary>Width between the margins, in twentieths of a point.</summary>
    public int TextWidth => (landscape ? PageHeightA4 : PageWidthA4) - (2 * Margin);

    public void Title(string text) => _body.Add(StyledParagraph(TitleStyle, text));

    public void Subtitle(string text) => _body.Add(StyledParagraph(SubtitleStyle, text));

    /// <summary>A heading (level 1 or 2). <paramref name="bookmark"/> names it for the table of contents.</summary>
    public void Heading(int level, string text, bool pageBreakBefore = false, string? bookmark = null)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = level == 1 ? Heading1Style : Heading2Style });
        if (pageBreakBefore)
        {
            properties.Append(new PageBreakBefore());
        }

        var paragraph = new Paragraph(properties);
        if (bookmark is not null)
        {
            string id = (++_bookmarkId).ToString(CultureInfo.InvariantCulture);
            paragraph.Append(new BookmarkStart { Id = id, Name = bookmark });
            paragraph.Append(TextRun(text));
            paragraph.Append(new BookmarkEnd { Id = id });
        }
        else
        {
            paragraph.Append(TextRun(text));
        }

        _body.Add(paragraph);
    }

    /// <summary>Starts a new page.</summary>
    public void PageBreak() => _body.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    /// <summary>Normal paragraphs, one per line of <paramref name="text"/>; <paramref name="empty"/> in italics when
    /// there is no text.</summary>
    public void Text(string? text, string empty = "Non renseigné")
    {
        string clean = SpreadsheetWriter.Clean(text).Trim();
        if (clean.Length == 0)
        {
            _body.Add(new Paragraph(new Run(new RunProperties(new Italic()), PlainText(empty))));
            return;
        }

        foreach (string line in clean.Split('\n'))
        {
            _body.Add(new Paragraph(TextRun(line.TrimEnd())));
        }
    }

    /// <summary>« Label : value » with the label in bold.</summary>
    public void LabelValue(string label, string? value)
    {
        string clean = SpreadsheetWriter.Clean(value).Trim();
        var paragraph = new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = LabelStyle }),
            new Run(new RunProperties(new Bold()), PlainText(label + " : ")));
        if (clean.Length == 0)
        {
            paragraph.Append(new Run(new RunProperties(new Italic()), PlainText("non renseigné")));
        }
        else
        {
            AppendLines(paragraph, clean, bold: false);
        }

        _body.Add(paragraph);
    }

    /// <summary>A table in the « Table Grid » style: a header row repeated at the top of every page, then the rows;
    /// rows listed in <paramref name="boldRows"/> (0-based) in bold (totals).</summary>
    public void Table(IReadOnlyList<WordColumn> columns, IEnumerable<string?[]> rows, IReadOnlySet<int>? boldRows = null)
    {
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = columns.Sum(c => c.Width).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }));
        var grid = new TableGrid();
        foreach (WordColumn column in columns)
        {
            grid.Append(new GridColumn { Width = column.Width.ToString(CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (WordColumn column in columns)
        {
            header.Append(Cell(column.Width, column.Header, TableHeaderStyle, bold: false, shade: true));
        }

        table.Append(header);
        int index = 0;
        foreach (string?[] values in rows)
        {
            bool bold = boldRows?.Contains(index) == true;
            var row = new TableRow();
            for (int c = 0; c < columns.Count; c++)
            {
                row.Append(Cell(columns[c].Width, c < values.Length ? values[c] : null, TableTextStyle, bold, shade: false));
            }

            table.Append(row);
            index++;
        }

        _body.Add(table);

        // A paragraph after a table keeps two tables (or a table and a heading) apart.
        _body.Add(new Paragraph());
    }

    /// <summary>A real Word table of contents (a TOC field over Heading 1) whose current result lists the entries with
    /// hyperlinks and page references.</summary>
    public void TableOfContents(string title, IReadOnlyList<TocEntry> entries)
    {
        _body.Add(StyledParagraph(TocHeadingStyle, title));
        if (entries.Count == 0)
        {
            return;
        }

        for (int i = 0; i < entries.Count; i++)
        {
            TocEntry entry = entries[i];
            var paragraph = new Paragraph(new ParagraphProperties(
                new ParagraphStyleId { Val = Toc1Style },
                new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth })));
            if (i == 0)
            {
                paragraph.Append(FieldChar(FieldCharValues.Begin));
                paragraph.Append(new Run(new FieldCode(" TOC \\o \"1-1\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }));
                paragraph.Append(FieldChar(FieldCharValues.Separate));
            }

            var link = new Hyperlink { Anchor = entry.Bookmark, History = true };
            link.Append(TextRun(entry.Text));
            link.Append(new Run(new TabChar()));
            link.Append(FieldChar(FieldCharValues.Begin));
            link.Append(new Run(new FieldCode($" PAGEREF {entry.Bookmark} \\h ") { Space = SpaceProcessingModeValues.Preserve }));
            link.Append(FieldChar(FieldCharValues.Separate));
            link.Append(TextRun(entry.Page.ToString(CultureInfo.InvariantCulture)));
            link.Append(FieldChar(FieldCharValues.End));
            paragraph.Append(link);
            if (i == entries.Count - 1)
            {
                paragraph.Append(FieldChar(FieldCharValues.End));
            }

            _body.Add(paragraph);
        }
    }

    /// <summary>Writes the document under a temporary name (<c>*.tmp.docx</c>) in the target folder, then renames it.</summary>
    public void Save(string path) => WorkbookFiles.WriteAtomically(path, Write, ".tmp.docx");

    public void Write(Stream output)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            // Explicit relationship ids everywhere: the SDK would otherwise draw random ones.
            MainDocumentPart main = document.AddNewPart<MainDocumentPart>(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            StyleDefinitionsPart styles = main.AddNewPart<StyleDefinitionsPart>("rId1");
            styles.Styles = Styles();
            DocumentSettingsPart settings = main.AddNewPart<DocumentSettingsPart>("rId2");
            settings.Settings = new Settings(
                new Zoom { Percent = "100" },
                new DefaultTabStop { Val = 708 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },

                // The table of contents carries page numbers computed for one CV per page; a CV that runs onto a
                // second page would shift them. Word refreshes the TOC and its PAGEREF fields on opening (it asks
                // first); LibreOffice computes PAGEREF fields from its own layout.
                new UpdateFieldsOnOpen { Val = true },
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }));
            FooterPart footer = main.AddNewPart<FooterPart>("rId3");
            footer.Footer = Footer();

            var body = new Body();
            foreach (OpenXmlElement element in _body)
            {
                body.Append(element);
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rId3" },
                landscape
                    ? new PageSize { Width = PageHeightA4, Height = PageWidthA4, Orient = PageOrientationValues.Landscape }
                    : new PageSize { Width = PageWidthA4, Height = PageHeightA4 },
                new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        // The package API stamps each zip entry with the current time: copy the entries with a fixed one.
        buffer.Position = 0;
        using var source = new ZipArchive(buffer, ZipArchiveMode.Read);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (ZipArchiveEntry entry in source.Entries)
        {
            ZipArchiveEntry copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = EntryTime;
            using Stream from = entry.Open();
            using Stream to = copy.Open();
            from.CopyTo(to);
        }
    }

    private Footer Footer()
    {
        var paragraph = new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
            TextRun($"{footerText} — page "));
        paragraph.Append(new SimpleField(TextRun("1")) { Instruction = " PAGE " });
        paragraph.Append(TextRun(" sur "));
        paragraph.Append(new SimpleField(TextRun("1")) { Instruction = " NUMPAGES " });
        return new Footer(paragraph);
    }

    private static TableCell Cell(int width, string? text, string style, bool bold, bool shade)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shade)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" });
        }

        var cell = new TableCell(properties);
        string clean = SpreadsheetWriter.Clean(text).Trim();
        string[] lines = clean.Length == 0 ? [""] : clean.Split('\n');
        foreach (string line in lines)
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            if (line.Length > 0)
            {
                paragraph.Append(bold ? new Run(new RunProperties(new Bold()), PlainText(line.TrimEnd())) : TextRun(line.TrimEnd()));
            }

            cell.Append(paragraph);
        }

        return cell;
    }

    private static Paragraph StyledParagraph(string style, string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        AppendLines(paragraph, SpreadsheetWriter.Clean(text), bold: false);
        return paragraph;
    }

    /// <summary>Runs for a text whose line breaks become Word line breaks.</summary>
    private static void AppendLines(Paragraph paragraph, string text, bool bold)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var run = bold ? new Run(new RunProperties(new Bold())) : new Run();
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(PlainText(lines[i]));
            paragraph.Append(run);
        }
    }

    private static Run TextRun(string text) => new(PlainText(SpreadsheetWriter.Clean(text)));

    private static Text PlainText(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static Run FieldChar(FieldCharValues type) => new(new FieldChar { FieldCharType = type });

    private static Styles Styles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                    new FontSize { Val = "21" },
                    new FontSizeComplexScript { Val = "21" },
                    new Languages { Val = "fr-FR", EastAsia = "fr-FR", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "80", Line = "259", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(ParagraphStyle("Normal", "Normal", basedOn: null, isDefault: true, primary: true));
        styles.Append(ParagraphStyle(TitleStyle, "Title", "Normal", primary: true,
            paragraph: [new SpacingBetweenLines { Before = "0", After = "240" }],
            run: [new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "40" }, new FontSizeComplexScript { Val = "40" }]));
        styles.Append(ParagraphStyle(SubtitleStyle, "Subtitle", "Normal", primary: true,
            paragraph: [new SpacingBetweenLines { After = "240" }],
            run: [new Color { Val = "404040" }, new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }]));
        styles.Append(ParagraphStyle(Heading1Style, "heading 1", "Normal", primary: true, next: "Normal",
            paragraph: [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "240", After = "160" }, new OutlineLevel { Val = 0 }],
            run: [new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" }]));
        styles.Append(ParagraphStyle(Heading2Style, "heading 2", "Normal", primary: true, next: "Normal",
            paragraph: [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "200", After = "80" }, new OutlineLevel { Val = 1 }],
            run: [new Bold(), new Color { Val = "2F5496" }, new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" }]));
        styles.Append(ParagraphStyle(TocHeadingStyle, "TOC Heading", Heading1Style, next: "Normal",
            paragraph: [new OutlineLevel { Val = 9 }]));
        styles.Append(ParagraphStyle(Toc1Style, "toc 1", "Normal", next: "Normal",
            paragraph: [new SpacingBetweenLines { After = "60" }]));
        styles.Append(ParagraphStyle(LabelStyle, "Libellé", "Normal",
            paragraph: [new SpacingBetweenLines { After = "60" }]));
        styles.Append(ParagraphStyle(TableTextStyle, "Texte de tableau", "Normal",
            paragraph: [new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }],
            run: [new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }]));
        styles.Append(ParagraphStyle(TableHeaderStyle, "En-tête de tableau", TableTextStyle,
            paragraph: [new KeepNext()],
            run: [new Bold()]));
        styles.Append(ParagraphStyle("Footer", "footer", "Normal",
            paragraph: [new SpacingBetweenLines { After = "0" }],
            run: [new Color { Val = "595959" }, new FontSize { Val = "16" }, new FontSizeComplexScript { Val = "16" }]));
        styles.Append(new Style(
            new StyleName { Val = "Hyperlink" },
            new UIPriority { Val = 99 },
            new StyleRunProperties(new Color { Val = "0563C1" }))
        { Type = StyleValues.Character, StyleId = "Hyperlink" });
        styles.Append(new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        styles.Append(new Style(
            new StyleName { Val = "Table Grid" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 39 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });
        return styles;
    }

    private static Style ParagraphStyle(
        string id, string name, string? basedOn, bool isDefault = false, bool primary = false, string? next = null,
        OpenXmlElement[]? paragraph = null, OpenXmlElement[]? run = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        if (next is not null)
        {
            style.Append(new NextParagraphStyle { Val = next });
        }

        if (primary)
        {
            style.Append(new PrimaryStyle());
        }

        if (paragraph is { Length: > 0 })
        {
            style.Append(new StyleParagraphProperties(paragraph));
        }

        if (run is { Length: > 0 })
        {
            style.Append(new StyleRunProperties(run));
        }

        return style;
    }
}
