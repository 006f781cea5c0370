using System.Diagnostics;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using CleaNum.Import.Tests.Support;
using Xunit.Abstractions;

namespace CleaNum.Import.Tests;

/// <summary>
/// Every file of <c>shared/corpus/excel</c> (third-party test files: encrypted, fuzzed, bombs, old BIFF, other formats)
/// goes through the reader with the member schema. Robustness bounds, not a speed benchmark: no exception escapes, each
/// file ends well within a generous time limit and the process memory stays bounded.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(120); // catches a hang, not a speed (the 2-core machine runs several suites at once: 38 s seen under load 39)
    private const long MemoryBoundBytes = 1536L * 1024 * 1024;

    public static TheoryData<string> Files() => [.. Corpus.AllFiles()];

    [SharedTheory]
    [MemberData(nameof(Files))]
    public void Does_end_every_corpus_file_in_a_workbook_or_issues(string file)
    {
        ExcelWorkbookReader reader = Readers.Create();
        using var process = Process.GetCurrentProcess();
        long managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();

        RawWorkbook raw = reader.Read(Corpus.File(file), MemberWorkbookSchema.Sheets, CancellationToken.None);

        stopwatch.Stop();
        process.Refresh();
        long managedAfter = GC.GetTotalMemory(forceFullCollection: false);
        output.WriteLine($"{file}: {stopwatch.ElapsedMilliseconds} ms, {string.Join(",", raw.Issues.Select(i => i.Code).Distinct())}, "
            + $"peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        Assert.Equal(Path.GetFileName(file), raw.FileName);
        Assert.True(stopwatch.Elapsed < TimeBound, $"{file} took {stopwatch.Elapsed}");
        Assert.True(managedAfter - managedBefore < MemoryBoundBytes, $"{file} kept {(managedAfter - managedBefore) / (1024 * 1024)} MB");
        Assert.True(process.PeakWorkingSet64 < 2 * MemoryBoundBytes, $"peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        Assert.All(raw.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
        if (raw.IsUnreadable)
        {
            Assert.Empty(raw.Sheets);
        }
    }

    [SharedTheory]
    [InlineData("poi/poc-xmlbomb.xlsx", IssueCodes.FileUnreadable)]
    [InlineData("poi/poc-xmlbomb-empty.xlsx", IssueCodes.FileUnreadable)]
    [InlineData("poi/poc-shared-strings.xlsx", IssueCodes.FileTooLarge)]
    [InlineData("exceldatareader/TestFail_Binary.xls", IssueCodes.FileFormatUnsupported)]
    [InlineData("exceldatareader/csv/MOCK_DATA.csv", IssueCodes.FileFormatUnsupported)]
    [InlineData("exceldatareader/csv/ean.txt", IssueCodes.FileFormatUnsupported)]
    [InlineData("poi/SampleSS.xml", IssueCodes.FileFormatUnsupported)]
    [InlineData("closedxml/~$LoadPivotTables.xlsx", IssueCodes.FileFormatUnsupported)]
    [InlineData("exceldatareader/agile_RC2_SHA1_CBC_pwd_password.xlsx", IssueCodes.FileEncrypted)]
    [InlineData("poi/invalid.xlsx", IssueCodes.FileUnreadable)]
    [InlineData("exceldatareader/EmptyZipFile.xlsx", IssueCodes.FileUnreadable)]
    [InlineData("poi/clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx", IssueCodes.FileUnreadable)]
    [InlineData("exceldatareader/Test_git_issue_382_oom.xls", IssueCodes.FileUnreadable)]
    [InlineData("exceldatareader/Test_Issue_12556_corrupt.xls", IssueCodes.FileUnreadable)]
    [InlineData("poi/SampleSS.strict.xlsx", IssueCodes.FileFormatUnsupported)] // ExcelDataReader 3.6 sees no sheet in Strict OOXML
    [InlineData("closedxml/universal-content-strict.xlsx", IssueCodes.FileFormatUnsupported)]
    [InlineData("exceldatareader/strict/Test10x10.xlsx", IssueCodes.FileFormatUnsupported)]
    public void Does_give_the_expected_file_issue_for_known_traps(string file, string code)
    {
        RawWorkbook raw = Readers.ReadMember(Corpus.File(file));

        Assert.Equal(code, Assert.Single(raw.Issues).Code);
    }

    [SharedTheory]
    [InlineData("exceldatareader/Test10x10000.xlsx")]
    [InlineData("exceldatareader/Test10x10000.xls")]
    [InlineData("poi/57893-many-merges.xlsx")]
    [InlineData("closedxml/Date1904System.xlsx")]
    [InlineData("poi/xxe_in_schema.xlsx")]
    public void Does_read_ordinary_corpus_workbooks_without_file_issues(string file)
    {
        RawWorkbook raw = Readers.ReadMember(Corpus.File(file));

        Assert.False(raw.IsUnreadable, string.Join(" | ", raw.Issues.Select(i => i.Code + " " + i.Message)));
    }
}
