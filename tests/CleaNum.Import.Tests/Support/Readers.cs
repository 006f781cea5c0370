using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CleaNum.Import.Tests.Support;

internal static class Readers
{
    public static ExcelWorkbookReader Create(ImportOptions? options = null) =>
        new(Options.Create(options ?? new ImportOptions()), NullLogger<ExcelWorkbookReader>.Instance);

    public static RawWorkbook ReadMember(string path, ImportOptions? options = null) =>
        Create(options).Read(path, MemberWorkbookSchema.Sheets, CancellationToken.None);

    public static Issue SingleIssue(RawWorkbook workbook) => Assert.Single(workbook.Issues);

    public static IEnumerable<string> Codes(RawWorkbook workbook) => workbook.Issues.Select(i => i.Code);
}
