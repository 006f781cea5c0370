using CleaNum.Core.Workbook;
using CleaNum.Import.Tests.Support;

namespace CleaNum.Import.Tests;

public sealed class BiffReadingTests
{
    [Fact]
    public void Does_read_a_biff8_member_workbook_written_by_libreoffice()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Assets", "membre-biff8.xls");

        RawWorkbook raw = Readers.ReadMember(path);

        Assert.False(raw.IsUnreadable);
        RawSheet etablissements = raw.Sheet(MemberWorkbookSchema.Keys.Etablissements)!;
        Assert.Equal(3, etablissements.HeaderRow);
        Assert.Equal([4, 6], etablissements.Records.Select(r => r.Row));
        Assert.Equal(73282932000074d, etablissements.Records[0].Get(MemberWorkbookSchema.Est.Siret)?.Value);
        Assert.Equal(73282932000082d, etablissements.Records[1].Get(MemberWorkbookSchema.Est.Siret)?.Value);
        Assert.Equal("Chambéry", raw.Sheet(MemberWorkbookSchema.Keys.Organisme)!.Records[0].Get(MemberWorkbookSchema.Org.City)?.Value);
        Assert.Equal(2, raw.Sheet(MemberWorkbookSchema.Keys.Intervenants)!.Records.Count);
    }

    [SharedTheory]
    [InlineData("exceldatareader/as3xls_BIFF2.xls")]
    [InlineData("exceldatareader/as3xls_BIFF3.xls")]
    [InlineData("exceldatareader/as3xls_BIFF4.xls")]
    [InlineData("exceldatareader/as3xls_BIFF5.xls")]
    [InlineData("exceldatareader/Test_git_issue_368_header.xls")]
    [InlineData("poi/testEXCEL_95.xls")]
    [InlineData("exceldatareader/Test_OpenOffice.xls")]
    public void Does_read_older_and_raw_biff_files(string file)
    {
        RawWorkbook raw = Readers.ReadMember(Corpus.File(file));

        Assert.False(raw.IsUnreadable, string.Join(" | ", raw.Issues.Select(i => i.Code + " " + i.Message)));
    }
}
