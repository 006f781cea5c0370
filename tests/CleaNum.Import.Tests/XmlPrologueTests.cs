using System.IO.Compression;
using System.Text;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using CleaNum.Import.Tests.Support;

namespace CleaNum.Import.Tests;

/// <summary>The DTD check looks at each XML part's prologue only; a long prologue (comments) must not hide a DOCTYPE
/// nor make a harmless part look suspicious.</summary>
public sealed class XmlPrologueTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(3_000)]
    [InlineData(40_000)]
    public void Does_refuse_a_doctype_after_a_long_comment(int commentLength)
    {
        string path = WithStylesPrologue(commentLength, "<!DOCTYPE styleSheet [<!ENTITY a \"aaaa\">]>");

        Issue issue = Assert.Single(Readers.ReadMember(path).Issues, i => i.Code == IssueCodes.FileUnreadable);
        Assert.Contains("DTD", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3_000)]
    [InlineData(40_000)]
    public void Does_read_a_workbook_whose_part_starts_with_a_long_comment(int commentLength)
    {
        string path = WithStylesPrologue(commentLength, "");

        RawWorkbook raw = Readers.ReadMember(path);

        Assert.DoesNotContain(raw.Issues, i => i.Code.StartsWith("FILE_", StringComparison.Ordinal));
        Assert.NotEmpty(raw.Sheets);
    }

    [Fact]
    public void Does_refuse_a_part_whose_root_element_is_not_within_64_kilobytes()
    {
        string path = WithStylesPrologue(70_000, "");

        Assert.Contains(Readers.ReadMember(path).Issues, i => i.Code == IssueCodes.FileUnreadable);
    }

    /// <summary>A valid member workbook whose styles part gets an XML comment of the given length (then
    /// <paramref name="declaration"/>) between the XML declaration and the root element.</summary>
    private string WithStylesPrologue(int commentLength, string declaration)
    {
        string path = TestWorkbook.Member().Save(_folder);
        using ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Update);
        ZipArchiveEntry styles = zip.Entries.Single(e => e.FullName.EndsWith("styles.xml", StringComparison.OrdinalIgnoreCase));
        string xml;
        using (var reader = new StreamReader(styles.Open()))
        {
            xml = reader.ReadToEnd();
        }

        int root = xml.IndexOf("<x:styleSheet", StringComparison.Ordinal) is int r and >= 0 ? r : xml.IndexOf("<styleSheet", StringComparison.Ordinal);
        Assert.True(root > 0, "styles part without a styleSheet root");
        string prologue = (commentLength > 0 ? "<!--" + new string('c', commentLength) + "-->" : "") + declaration;
        string name = styles.FullName;
        styles.Delete();
        using Stream output = zip.CreateEntry(name).Open();
        output.Write(Encoding.UTF8.GetBytes(xml[..root] + prologue + xml[root..]));
        return path;
    }
}
