using System.IO.Compression;
using System.Text;
using CleaNum.Core.Issues;
using CleaNum.Export.Reports;
using ClosedXML.Excel;

namespace CleaNum.Export.Tests;

/// <summary>
/// The annotated copy's zip container: the entries the patch leaves unchanged keep their compressed bytes; the copy is
/// a valid zip (every CRC-32 checked) holding the same entries, in the same order and with the same contents, as the
/// copy written through <see cref="ZipArchive"/> (every entry inflated and deflated again, the way it was written
/// before); ExcelDataReader and ClosedXML read it whenever they read the original. Real workbooks (sample data, the
/// real-world corpus) and packages built by hand with the shapes writers produce: data descriptors, stored entries,
/// non-ASCII names, duplicate names, another compression method, a zip64 end record.
/// </summary>
public sealed class AnnotatedCopyZipTests : IDisposable
{
    private const ushort Dated1980 = (1 << 5) | 1;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly Issue[] SomeIssues =
    [
        ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B", "SIRET", "73282932000079"),
        ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 2, "F", "Région", "Bretagne"),
        ASubmission.Warning(IssueCodes.QualiopiMissing, "Organisme", 4, "B", "Certification Qualiopi", "Non"),
        ASubmission.Error(IssueCodes.CvEvaluatorMissing, null, null, null),
    ];

    [Theory]
    [InlineData("erreurs-typiques-formanord.xlsx")] // the CleaNum template, filled in
    [InlineData("acme-formation-idf.xlsx")]
    [InlineData("numerique-grand-est.xlsx")]
    [InlineData("cap-numerique-bretagne.xlsx")]
    [InlineData("formaclea-aura.xlsx")] // written by LibreOffice
    public void Does_copy_the_unchanged_parts_of_a_sample_workbook_as_they_are(string name)
    {
        string original = AboveTests.SampleData(name);

        int copied = AssertFaithfulCopy(original, SomeIssues, expectRawCopies: true);

        Assert.True(copied >= 3, $"{copied} parts copied as they are");
    }

    [SharedTheory]
    [MemberData(nameof(AnnotatedPackageCorpusTests.CorpusWorkbooks), MemberType = typeof(AnnotatedPackageCorpusTests))]
    public void Does_copy_the_unchanged_parts_of_a_real_world_workbook_as_they_are(string relativePath)
    {
        string original = AboveTests.CorpusFile(relativePath);
        Issue[] issues =
        [
            ASubmission.Error(IssueCodes.Required, "Feuil1", 2, "B"),
            ASubmission.Error(IssueCodes.Required, "Sheet1", 2, "B"),
            ASubmission.Error(IssueCodes.CvEvaluatorMissing, null, null, null),
        ];

        AssertFaithfulCopy(original, issues, expectRawCopies: true, tolerateDamage: true);
    }

    [Fact]
    public void Does_copy_entries_with_data_descriptors_stored_entries_and_non_ascii_names()
    {
        List<ZipContainer.Part> parts = ZipContainer.Parts(MemberWorkbook.Create(_folder.File("base.xlsx")));
        string original = _folder.File("acme.xlsx");
        byte[] package = ZipContainer.Write(
        [
            .. parts.Select((p, i) => p with { Method = i % 2 == 0 ? (ushort)0 : (ushort)8, Descriptor = i % 3 != 1 }),
            new ZipContainer.Part("customXml/données-été.xml", "<données>été</données>"u8.ToArray(), 8, Descriptor: true),
        ]);
        File.WriteAllBytes(original, package);
        List<ZipContainerEntry> written = ZipContainer.Read(package);
        Assert.Contains(written, e => (e.Flags & 0x0008) != 0 && e.Method == 8);
        Assert.Contains(written, e => (e.Flags & 0x0008) != 0 && e.Method == 0);

        int copied = AssertFaithfulCopy(original, SomeIssues, expectRawCopies: true);

        Assert.True(copied >= 3, $"{copied} parts copied as they are");
        ZipContainerEntry accented = ZipContainer.Read(File.ReadAllBytes(_folder.File("raw.xlsx"))).Single(e => e.Name == "customXml/données-été.xml");
        Assert.Equal(0x0800, accented.Flags & 0x0800);
        Assert.Equal(Encoding.UTF8.GetBytes("customXml/données-été.xml"), accented.NameBytes);
    }

    [Fact]
    public void Does_skip_folders_and_later_entries_of_the_same_name_and_trim_a_leading_slash()
    {
        List<ZipContainer.Part> parts = ZipContainer.Parts(MemberWorkbook.Create(_folder.File("base.xlsx")));
        string original = _folder.File("acme.xlsx");
        File.WriteAllBytes(original, ZipContainer.Write(
        [
            new ZipContainer.Part("customXml/", [], 0),
            .. parts,
            new ZipContainer.Part("customXml/item1.xml", "<premier/>"u8.ToArray()),
            new ZipContainer.Part("CustomXML/Item1.XML", "<second/>"u8.ToArray()),
            new ZipContainer.Part("customXml/item1.xml", "<troisième/>"u8.ToArray(), 0),
            new ZipContainer.Part("/customXml/item2.xml", "<racine/>"u8.ToArray(), 0),
        ]));

        AssertFaithfulCopy(original, SomeIssues, expectRawCopies: true);

        List<(string Name, byte[] Content)> copy = ZipContainer.ReadVerified(_folder.File("raw.xlsx"));
        Assert.DoesNotContain(copy, e => e.Name.EndsWith('/'));
        Assert.Equal(["customXml/item1.xml", "customXml/item2.xml"], copy.Where(e => e.Name.Contains("item", StringComparison.OrdinalIgnoreCase)).Select(e => e.Name));
        Assert.Equal("<premier/>"u8.ToArray(), copy.Single(e => e.Name == "customXml/item1.xml").Content);
    }

    [Fact]
    public void Does_inflate_and_deflate_again_an_entry_compressed_by_another_method()
    {
        List<ZipContainer.Part> parts = ZipContainer.Parts(MemberWorkbook.Create(_folder.File("base.xlsx")));
        string original = _folder.File("acme.xlsx");
        File.WriteAllBytes(original, ZipContainer.Write(
            parts.Select(p => p.Name.StartsWith("docProps/", StringComparison.Ordinal) ? p with { Method = 9 } : p)));
        using (ZipArchive archive = ZipFile.OpenRead(original))
        {
            ZipArchiveEntry app = archive.GetEntry("docProps/app.xml")!;
            Assert.Equal(parts.Single(p => p.Name == "docProps/app.xml").Content, ZipContainer.Content(app)); // Deflate64 read back
        }

        AssertFaithfulCopy(original, SomeIssues, expectRawCopies: true);

        List<ZipContainerEntry> copy = ZipContainer.Read(File.ReadAllBytes(_folder.File("raw.xlsx")));
        Assert.All(copy.Where(e => e.Name.StartsWith("docProps/", StringComparison.Ordinal)), e => Assert.Contains(e.Method, new ushort[] { 0, 8 }));
    }

    [Fact]
    public void Does_copy_a_package_with_a_zip64_end_record_through_zip_archive()
    {
        List<ZipContainer.Part> parts = ZipContainer.Parts(MemberWorkbook.Create(_folder.File("base.xlsx")));
        string original = _folder.File("acme.xlsx");
        File.WriteAllBytes(original, ZipContainer.Write(parts, zip64End: true));
        using (ZipArchive archive = ZipFile.OpenRead(original))
        {
            Assert.Equal(parts.Count, archive.Entries.Count);
        }

        AssertFaithfulCopy(original, SomeIssues, expectRawCopies: false);

        Assert.All(ZipContainer.Read(File.ReadAllBytes(_folder.File("raw.xlsx"))), e => Assert.NotEqual(Dated1980, e.DosDate));
    }

    /// <summary>Writes the copy both ways (<c>raw.xlsx</c>, <c>through-zip-archive.xlsx</c>) and checks what the class
    /// summary says; returns how many entries kept their compressed bytes.</summary>
    private int AssertFaithfulCopy(string original, IReadOnlyList<Issue> issues, bool expectRawCopies, bool tolerateDamage = false)
    {
        string raw = _folder.File("raw.xlsx");
        string rewritten = _folder.File("through-zip-archive.xlsx");
        int? marked;
        try
        {
            marked = AnnotatedPackage.TryWrite(original, issues, "rapport.xlsx", rewritten, copyRaw: false);
        }
#pragma warning disable CA1031 // the corpus holds damaged packages: the copy through ZipArchive refuses them, so must the other
        catch (Exception) when (tolerateDamage)
#pragma warning restore CA1031
        {
            Assert.ThrowsAny<Exception>(() => AnnotatedPackage.TryWrite(original, issues, "rapport.xlsx", raw));
            return 0;
        }

        Assert.Equal(marked, AnnotatedPackage.TryWrite(original, issues, "rapport.xlsx", raw));
        if (marked is null)
        {
            return 0;
        }

        // Same entries, same order, same contents, every CRC-32 right.
        List<(string Name, byte[] Content)> expected = ZipContainer.ReadVerified(rewritten);
        List<(string Name, byte[] Content)> actual = ZipContainer.ReadVerified(raw);
        Assert.Equal(expected.Select(e => e.Name), actual.Select(e => e.Name));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Content.AsSpan().SequenceEqual(actual[i].Content), $"content of {actual[i].Name}");
        }

        // No data descriptor, no encryption, stored or deflated only.
        List<ZipContainerEntry> written = ZipContainer.Read(File.ReadAllBytes(raw));
        Assert.All(written, e => Assert.Equal(0, e.Flags & 0x0009));
        Assert.All(written, e => Assert.Contains(e.Method, new ushort[] { 0, 8 }));

        // Each part the patch left unchanged is the original's compressed bytes.
        int copied = 0;
        if (expectRawCopies)
        {
            Dictionary<string, ZipContainerEntry> originals = ZipContainer.Read(File.ReadAllBytes(original))
                .Where(e => !e.Name.EndsWith('/'))
                .GroupBy(e => e.Name.TrimStart('/'), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (ZipContainerEntry entry in written)
            {
                if (originals.TryGetValue(entry.Name, out ZipContainerEntry? before) && before.Method is 0 or 8
                    && OriginalContent(original, before).AsSpan().SequenceEqual(actual.Single(e => e.Name == entry.Name).Content))
                {
                    Assert.True(before.Data.AsSpan().SequenceEqual(entry.Data) && before.Method == entry.Method, $"{entry.Name} copied as it is");
                    Assert.Equal(before.Crc32, entry.Crc32);
                    copied++;
                }
            }
        }

        AssertReadAsBefore(original, raw);
        return copied;
    }

    private static byte[] OriginalContent(string original, ZipContainerEntry entry)
    {
        using ZipArchive archive = ZipFile.OpenRead(original);
        return ZipContainer.Content(archive.Entries.First(e => e.FullName == entry.Name));
    }

    /// <summary>ExcelDataReader 3.6 and ClosedXML 0.95.4 read the copy when they read the original.</summary>
    private static void AssertReadAsBefore(string original, string copy)
    {
        if (Reads(() => IndependentReader.Read(original)))
        {
            IndependentReader.Read(copy);
        }

        if (Reads(() => new XLWorkbook(original).Dispose()))
        {
            new XLWorkbook(copy).Dispose();
        }
    }

    private static bool Reads(Action read)
    {
        try
        {
            read();
            return true;
        }
#pragma warning disable CA1031 // whatever a reader throws on the original means "not a workbook it reads"
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
