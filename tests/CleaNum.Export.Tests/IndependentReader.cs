using System.Text;
using ExcelDataReader;

namespace CleaNum.Export.Tests;

/// <summary>What ExcelDataReader (not ClosedXML) sees in a workbook: sheet names, visibility, values, number formats
/// and column widths.</summary>
internal sealed record ReadSheet(
    string Name,
    string VisibleState,
    IReadOnlyList<object?[]> Rows,
    IReadOnlyList<string?[]> Formats,
    IReadOnlyList<double> ColumnWidths)
{
    public object? Value(int row, int column) =>
        row - 1 < Rows.Count && column - 1 < Rows[row - 1].Length ? Rows[row - 1][column - 1] : null;

    public string? Format(int row, int column) =>
        row - 1 < Formats.Count && column - 1 < Formats[row - 1].Length ? Formats[row - 1][column - 1] : null;
}

internal static class IndependentReader
{
    static IndependentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<ReadSheet> Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using IExcelDataReader reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<ReadSheet>();
        do
        {
            var rows = new List<object?[]>();
            var formats = new List<string?[]>();
            var widths = new List<double>();
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                var numberFormats = new string?[reader.FieldCount];
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    values[i] = reader.GetValue(i);
                    numberFormats[i] = reader.GetNumberFormatString(i);
                }

                rows.Add(values);
                formats.Add(numberFormats);
                if (widths.Count == 0)
                {
                    for (int i = 0; i < reader.FieldCount; i++)
                    {
                        widths.Add(reader.GetColumnWidth(i));
                    }
                }
            }

            sheets.Add(new ReadSheet(reader.Name, reader.VisibleState, rows, formats, widths));
        }
        while (reader.NextResult());

        return sheets;
    }

    public static ReadSheet Sheet(this IReadOnlyList<ReadSheet> sheets, string name) =>
        sheets.Single(s => s.Name == name);

    /// <summary>A sheet of the annex (PJ1) by its current name, accepting the unaccented name of earlier versions.</summary>
    public static ReadSheet AnnexSheet(this IReadOnlyList<ReadSheet> sheets, string name) =>
        sheets.Single(s => Export.Annex.AnnexWriter.IsSheet(s.Name, name));

    /// <summary>The Synthèse of the annex as label → value (rows whose first cell is text).</summary>
    public static Dictionary<string, object?> Pairs(this ReadSheet sheet) =>
        sheet.Rows.Where(r => r.Length > 1 && r[0] is string).GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => g.First()[1]);
}
