using System.IO.Compression;
using System.Text;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using CleaNum.Import.Tests.Support;

namespace CleaNum.Import.Tests;

public sealed class FileRefusalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Issue SingleFileIssue(RawWorkbook raw, string code)
    {
        Issue issue = Assert.Single(raw.Issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(Severity.Error, issue.Severity);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
        Assert.False(string.IsNullOrWhiteSpace(issue.Hint));
        Assert.True(raw.IsUnreadable);
        Assert.Empty(raw.Sheets);
        return issue;
    }

    [SharedFact]
    public void Does_refuse_an_ods_file()
    {
        RawWorkbook raw = Readers.ReadMember(Corpus.File("poi/SampleSS.ods"));

        Issue issue = SingleFileIssue(raw, IssueCodes.FileFormatUnsupported);
        Assert.Contains(".ods", issue.Message, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Does_refuse_ods_content_renamed_xlsx()
    {
        string path = _folder.WriteBytes("renomme.xlsx", File.ReadAllBytes(Corpus.File("poi/SampleSS.ods")));

        SingleFileIssue(Readers.ReadMember(path), IssueCodes.FileFormatUnsupported);
    }

    [Fact]
    public void Does_refuse_a_csv_file()
    {
        string path = _folder.WriteBytes("membres.csv", Encoding.UTF8.GetBytes("SIRET;Ville\n73282932000074;Chambéry\n"));

        SingleFileIssue(Readers.ReadMember(path), IssueCodes.FileFormatUnsupported);
    }

    [Fact]
    public void Does_refuse_csv_content_renamed_xlsx()
    {
        string path = _folder.WriteBytes("membres.xlsx", Encoding.UTF8.GetBytes("SIRET;Ville\n73282932000074;Chambéry\n"));

        Issue issue = SingleFileIssue(Readers.ReadMember(path), IssueCodes.FileFormatUnsupported);
        Assert.Contains("texte", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_refuse_a_pdf_renamed_xlsx()
    {
        string path = _folder.WriteBytes("dossier.xlsx", Encoding.ASCII.GetBytes("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"));

        Issue issue = SingleFileIssue(Readers.ReadMember(path), IssueCodes.FileFormatUnsupported);
        Assert.Contains("PDF", issue.Message, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Does_refuse_a_bmp_renamed_xls()
    {
        SingleFileIssue(Readers.ReadMember(Corpus.File("exceldatareader/TestFail_Binary.xls")), IssueCodes.FileFormatUnsupported);
    }

    [SharedTheory]
    [InlineData("exceldatareader/Test10x10000.xlsb")]
    [InlineData("exceldatareader/agile_AES128_MD5_CBC_pwd_password.xlsb")]
    public void Does_refuse_xlsb_and_tell_to_save_as_xlsx(string file)
    {
        Issue issue = SingleFileIssue(Readers.ReadMember(Corpus.File(file)), IssueCodes.FileFormatUnsupported);

        Assert.Contains(".xlsb", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Enregistrer sous", issue.Hint, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Does_refuse_xlsb_content_renamed_xlsx()
    {
        string path = _folder.WriteBytes("binaire.xlsx", File.ReadAllBytes(Corpus.File("exceldatareader/Test10x10000.xlsb")));

        Issue issue = SingleFileIssue(Readers.ReadMember(path), IssueCodes.FileFormatUnsupported);
        Assert.Contains(".xlsb", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_refuse_a_strict_open_xml_workbook_and_tell_to_save_as_xlsx()
    {
        string normal = TestWorkbook.Member().Save(_folder, "normal.xlsx");
        string strict = PackageRewriter.Rewrite(normal, _folder.File("strict.xlsx"), PackageRewriter.ToStrict);

        Issue issue = SingleFileIssue(Readers.ReadMember(strict), IssueCodes.FileFormatUnsupported);
        Assert.Contains("Open XML Strict", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Classeur Excel (.xlsx)", issue.Hint, StringComparison.Ordinal);
        Assert.Empty(Readers.ReadMember(normal).Issues);
    }

    [Fact]
    public void Does_refuse_an_empty_file()
    {
        string path = _folder.WriteBytes("vide.xlsx", []);

        SingleFileIssue(Readers.ReadMember(path), IssueCodes.FileUnreadable);
    }

    [Fact]
    public void Does_refuse_a_truncated_xlsx()
    {
        byte[] complete = File.ReadAllBytes(TestWorkbook.Member().Save(_folder, "complet.xlsx"));
        string path = _folder.WriteBytes("tronque.xlsx", complete[..(complete.Length / 2)]);

        SingleFileIssue(Readers.ReadMember(path), IssueCodes.FileUnreadable);
    }

    [Fact]
    public void Does_refuse_a_truncated_xls()
    {
        byte[] complete = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Assets", "membre-biff8.xls"));
        string path = _folder.WriteBytes("tronque.xls", complete[..(complete.Length / 2)]);

        SingleFileIssue(Readers.ReadMember(path), IssueCodes.FileUnreadable);
    }

    [SharedTheory]
    [InlineData("exceldatareader/agile_AES128_SHA1_CBC_pwd_password.xlsx")]
    [InlineData("exceldatareader/standard_AES256_SHA1_ECB_pwd_password.xlsx")]
    [InlineData("exceldatareader/strict/agile_DES_MD5_CBC_pwd_password.xlsx")]
    [InlineData("exceldatareader/Test_git_issue_242_std_rc4_pwd_password.xls")]
    [InlineData("exceldatareader/Test_git_issue_242_xor_pwd_password.xls")]
    [InlineData("exceldatareader/Test_git_issue_477_crypto_keylength40.xls")]
    [InlineData("poi/password.xls")]
    [InlineData("poi/35897-type4.xls")]
    [InlineData("poi/xor-encryption-abc.xls")]
    [InlineData("poi/protected_passtika.xlsx")]
    [InlineData("poi/60320-protected.xlsx")]
    [InlineData("poi/extenxls_pwd123.xlsx")]
    [InlineData("poi/protect.xlsx")]
    public void Does_report_password_encrypted_workbooks(string file)
    {
        Issue issue = SingleFileIssue(Readers.ReadMember(Corpus.File(file)), IssueCodes.FileEncrypted);

        Assert.Contains("mot de passe", issue.Message, StringComparison.Ordinal);
    }

    [SharedTheory]
    [InlineData("closedxml/ProtecteSheet1234Pass.xlsx")]
    [InlineData("poi/sheetProtection_allLocked.xlsx")]
    [InlineData("poi/workbookProtection_workbook_structure_protected.xlsx")]
    [InlineData("exceldatareader/protectedsheet-xxx.xls")]
    public void Does_read_workbooks_protected_without_an_opening_password(string file)
    {
        RawWorkbook raw = Readers.ReadMember(Corpus.File(file));

        Assert.False(raw.IsUnreadable);
        Assert.Contains(raw.Issues, i => i.Code == IssueCodes.SheetMissing);
    }

    [Fact]
    public void Does_refuse_a_zip_bomb_by_its_compression_ratio()
    {
        string path = _folder.File("bombe.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            WriteEntry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"u8.ToArray());
            WriteEntry(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook/>"u8.ToArray());
            using Stream sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++)
            {
                sheet.Write(zeros);
            }
        }

        Issue issue = SingleFileIssue(Readers.ReadMember(path), IssueCodes.FileTooLarge);
        Assert.True(new FileInfo(path).Length < 1024 * 1024);
        Assert.Contains("compression", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_refuse_a_workbook_whose_parts_inflate_beyond_the_limit()
    {
        string path = TestWorkbook.Member(establishments: 10_000).Save(_folder);

        RawWorkbook raw = Readers.ReadMember(path, new ImportOptions { MaxUncompressedBytes = 1024 * 1024 });

        SingleFileIssue(raw, IssueCodes.FileTooLarge);
    }

    [SharedFact]
    public void Does_refuse_xml_parts_declaring_a_dtd()
    {
        RawWorkbook raw = Readers.ReadMember(Corpus.File("poi/poc-xmlbomb.xlsx"));

        Issue issue = SingleFileIssue(raw, IssueCodes.FileUnreadable);
        Assert.Contains("DTD", issue.Message, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Does_refuse_one_huge_shared_string_referenced_by_thousands_of_cells()
    {
        SingleFileIssue(Readers.ReadMember(Corpus.File("poi/poc-shared-strings.xlsx")), IssueCodes.FileTooLarge);
    }

    [Fact]
    public void Does_refuse_a_sheet_with_more_rows_than_allowed()
    {
        string path = TestWorkbook.Member(establishments: 30).Save(_folder);

        Issue issue = SingleFileIssue(Readers.ReadMember(path, new ImportOptions { MaxRowsPerSheet = 20 }), IssueCodes.FileTooLarge);

        Assert.Contains("Etablissements", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_refuse_a_file_over_the_size_limit()
    {
        string path = TestWorkbook.Member().Save(_folder);

        SingleFileIssue(Readers.ReadMember(path, new ImportOptions { MaxFileSizeBytes = 2048 }), IssueCodes.FileTooLarge);
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] content)
    {
        using Stream stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
