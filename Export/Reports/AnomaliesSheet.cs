using System.Xml;
using CleaNum.Core.Issues;
using CleaNum.Export.Spreadsheet;
using static CleaNum.Export.Reports.PackageXml;

namespace CleaNum.Export.Reports;

/// <summary>
/// The annotated copy's first sheet, <c>Anomalies CleaNum</c>: a title, what the colours mean, and the issues that point
/// at no cell. Rows and cells go through <see cref="SpreadsheetWriter"/>'s emitter; the cell formats are appended to the
/// member's own style sheet (<see cref="MemberStyleBook"/>).
/// </summary>
internal static class AnomaliesSheet
{
    internal static readonly string[] Headers = ["Feuille", "Ligne", "Colonne", "Valeur", "Gravité", "Code", "Message", "Correction suggérée"];
    internal static readonly double[] Widths = [18, 8, 28, 24, 15, 26, 70, 55];

    private const string Title = "Anomalies relevées par CleaNum";
    private const string AllPlaced = "Toutes les anomalies sont signalées directement dans les cellules concernées.";
    private const string SomeUnplaced = "Anomalies qui ne concernent pas une cellule précise :";

    internal static string Explanation(string reportFileName) =>
        "Dans les onglets de votre fichier, les cellules en rouge contiennent une erreur à corriger et les cellules en "
        + "orange un avertissement à vérifier : passez la souris sur la cellule pour lire le message. "
        + $"Le rapport complet est dans le fichier {reportFileName}. "
        + "Après correction, déposez de nouveau le fichier complet (vous pouvez supprimer cet onglet).";

    /// <summary>The worksheet part's bytes.</summary>
    public static byte[] Write(List<Issue> unplaced, string reportFileName, MemberStyleBook styles)
    {
        var formats = new Formats(styles);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, WriterSettings))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("worksheet", Main.NamespaceName);
            SpreadsheetWriter.WriteFitToPage(xml);
            SpreadsheetWriter.WriteSelectedView(xml);
            SpreadsheetWriter.WriteColumnWidths(xml, Widths);
            xml.WriteStartElement("sheetData", Main.NamespaceName);
            WriteRows(xml, unplaced, reportFileName, formats);
            xml.WriteEndElement();
            SpreadsheetWriter.WriteMergedCells(xml, "A2:" + CellName(2, Widths.Length - 1));
            SpreadsheetWriter.WritePageMargins(xml, left: "0.7", top: "0.75");
            SpreadsheetWriter.WriteLandscapeOnePageWide(xml);
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WriteRows(XmlWriter xml, List<Issue> unplaced, string reportFileName, Formats formats)
    {
        string explanation = Explanation(reportFileName);
        WriteRow(xml, 1, 22, [(XCell.Str(Title), formats.Title)]);
        WriteRow(xml, 2, MemberReportWriter.RowHeight(explanation, Widths.Sum()), [(XCell.Str(explanation), formats.Wrap)]);
        WriteRow(xml, 4, null, [(XCell.Str(unplaced.Count == 0 ? AllPlaced : SomeUnplaced), formats.Bold)]);
        if (unplaced.Count == 0)
        {
            return;
        }

        WriteRow(xml, 5, null, [.. Headers.Select(h => (XCell.Str(h), formats.Header))]);
        int row = 6;
        foreach (Issue issue in unplaced)
        {
            int style = formats.Line(issue.Severity);
            double height = Math.Max(
                MemberReportWriter.RowHeight(issue.Message, Widths[6]),
                MemberReportWriter.RowHeight(issue.Hint ?? "", Widths[7]));
            WriteRow(xml, row++, height,
            [
                (XCell.Str(issue.Sheet ?? "(général)"), style),
                (issue.Row is int number ? XCell.Num(number) : XCell.Str(null), style),
                (XCell.Str(issue.Column), style),
                (XCell.Str(issue.Value), style),
                (XCell.Str(FrenchText.SeverityLabel(issue.Severity)), style),
                (XCell.Str(issue.Code), style),
                (XCell.Str(issue.Message), style),
                (XCell.Str(issue.Hint), style),
            ]);
        }
    }

    /// <summary>One row; every cell is written, an empty one keeping its format (a coloured line reads as one).</summary>
    private static void WriteRow(XmlWriter xml, int number, double? height, (XCell Cell, int Style)[] cells)
    {
        SpreadsheetWriter.StartRow(xml, number, height);
        for (int c = 0; c < cells.Length; c++)
        {
            SpreadsheetWriter.WriteCell(xml, c, number, cells[c].Cell, cells[c].Style, keepEmpty: true);
        }

        xml.WriteEndElement();
    }

    /// <summary>The sheet's cell formats, appended to the member's style sheet.</summary>
    private sealed class Formats(MemberStyleBook styles)
    {
        public int Title { get; } = styles.Add(bold: true, size: 14, fill: null, wrap: false);

        public int Wrap { get; } = styles.Add(bold: false, size: null, fill: null, wrap: true);

        public int Bold { get; } = styles.Add(bold: true, size: null, fill: null, wrap: false);

        public int Header { get; } = styles.Add(bold: true, size: null, fill: "FFDDEBF7", wrap: false);

        private int ErrorLine { get; } = styles.Add(bold: false, size: null, fill: MemberStyleBook.ErrorArgb, wrap: true);

        private int WarningLine { get; } = styles.Add(bold: false, size: null, fill: MemberStyleBook.WarningArgb, wrap: true);

        public int Line(Severity severity) => severity switch
        {
            Severity.Error => ErrorLine,
            Severity.Warning => WarningLine,
            _ => Wrap,
        };
    }
}
