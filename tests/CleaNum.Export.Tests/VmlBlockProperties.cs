using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CleaNum.Export.Reports;
using FsCheck.Xunit;

namespace CleaNum.Export.Tests;

/// <summary>The highest VML shape block a package uses (<see cref="MemberPackage.LastVmlBlock"/>, a byte search since
/// session 7) over drawings FsCheck assembles: the same as the regular expression it replaced, read in Latin-1.</summary>
public sealed partial class VmlBlockProperties
{
    [GeneratedRegex(@"data=""([0-9, ]{1,100})""")]
    private static partial Regex IdMapBlocks();

    private static readonly string[] Pieces =
    [
        "data=\"", "data=\"1\"", "data=\"2, 12\"", "\"", "0", "7", "9", ",", " ", "  ", "é", "x", "<o:idmap v:ext=\"edit\" ",
        "99999999999", "-3", new string('1', 50), "\r\n",
    ];

    [Property(MaxTest = 300)]
    public bool Does_find_the_blocks_the_regular_expression_found(int[]? first, int[]? second)
    {
        string[] drawings = [TextOf(first), TextOf(second)];

        return LastVmlBlock(drawings) == Reference(drawings);
    }

    [Fact]
    public void Does_take_the_highest_number_of_every_data_list()
    {
        string[] drawings =
        [
            "<xml><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"1, 3\"/></o:shapelayout></xml>",
            "<xml><o:idmap data=\" 5 ,9\"/><x:Note data=\"12x\"/><x:Other data=\"\"/></xml>",
            $"<xml><a data=\"{new string(' ', 98)}11\"/><b data=\"{new string(' ', 99)}40\"/></xml>", // 100 characters at most
        ];

        Assert.Equal(11, LastVmlBlock(drawings));
    }

    private static string TextOf(int[]? picks) =>
        string.Concat((picks ?? []).Select(p => Pieces[(int)((uint)p % (uint)Pieces.Length)]));

    private static int LastVmlBlock(string[] drawings)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (int i = 0; i < drawings.Length; i++)
            {
                using Stream entry = zip.CreateEntry($"xl/drawings/vmlDrawing{i + 1}.vml").Open();
                entry.Write(Encoding.UTF8.GetBytes(drawings[i]));
            }
        }

        byte[] bytes = buffer.ToArray();
        using var read = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return new MemberPackage(read, bytes).LastVmlBlock();
    }

    /// <summary>The implementation before session 7: the drawing decoded as Latin-1, every match's numbers.</summary>
    private static int Reference(string[] drawings)
    {
        int last = 0;
        foreach (string drawing in drawings)
        {
            string text = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(drawing));
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
}
