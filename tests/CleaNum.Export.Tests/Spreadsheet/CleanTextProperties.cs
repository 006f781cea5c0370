using System.Xml;
using CleaNum.Export.Spreadsheet;
using FsCheck.Xunit;

namespace CleaNum.Export.Tests.Spreadsheet;

/// <summary>The XML text cleaner (<see cref="SpreadsheetWriter.Clean"/>) over strings FsCheck draws: whatever a member
/// typed, the cell text is XML 1.0, fits an Excel cell and keeps every character XML can carry.</summary>
public sealed class CleanTextProperties
{
    private static readonly string[] Pieces =
    [
        "a", "é", "\r\n", "\r", "\n", "\t", "\0", "\u0001", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "😀", "汉",
        "<", "&", "]]>", " ", new string('x', 8_000),
    ];

    private static string TextOf(int[]? picks) =>
        string.Concat((picks ?? []).Select(p => Pieces[(int)((uint)p % (uint)Pieces.Length)]));

    [Property(MaxTest = 300)]
    public bool Does_give_text_that_xml_carries_and_an_excel_cell_holds(int[]? picks)
    {
        string cleaned = SpreadsheetWriter.Clean(TextOf(picks));

        try
        {
            XmlConvert.VerifyXmlChars(cleaned);
        }
        catch (XmlException)
        {
            return false;
        }

        return cleaned.Length <= 32_767 && !cleaned.Contains('\r', StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public bool Does_change_nothing_the_second_time(int[]? picks)
    {
        string once = SpreadsheetWriter.Clean(TextOf(picks));

        return SpreadsheetWriter.Clean(once) == once;
    }

    [Property(MaxTest = 300)]
    public bool Does_keep_text_that_needs_no_cleaning(string? text)
    {
        if (text is null || text.Length > 32_767 || text.Contains('\r', StringComparison.Ordinal)
            || text.Any(c => char.IsSurrogate(c) || (c < 0x20 && c is not ('\n' or '\t')) || c is '\uFFFE' or '\uFFFF'))
        {
            return true;
        }

        return SpreadsheetWriter.Clean(text) == text;
    }
}
