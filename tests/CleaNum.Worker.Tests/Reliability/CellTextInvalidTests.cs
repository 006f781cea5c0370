using System.IO.Compression;
using System.Text.Json;
using CleaNum.Worker.Cli;
using CleaNum.Worker.Tests.Service;

namespace CleaNum.Worker.Tests.Reliability;

/// <summary>rules.md CELL_TEXT_INVALID: a cell holding characters no spreadsheet can store is read without them, with
/// a warning; the file is not refused for it.</summary>
public sealed class CellTextInvalidTests : IDisposable
{
    private readonly string _root = ServiceFixture.NewRoot();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Warns_cell_text_invalid_for_a_lone_surrogate_in_an_optional_cell_and_keeps_the_file()
    {
        string file = Path.Combine(_root, "acme surrogate.xlsx");
        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), file);
        using (ZipArchive zip = ZipFile.Open(file, ZipArchiveMode.Update))
        {
            ZipArchiveEntry strings = zip.GetEntry("xl/sharedStrings.xml")!;
            string xml;
            using (var reader = new StreamReader(strings.Open()))
            {
                xml = await reader.ReadToEndAsync();
            }

            Assert.Contains("Parcours de formation au numérique", xml, StringComparison.Ordinal);
            xml = xml.Replace("Parcours de formation au numérique", "Parcours de formation_xD800_ au numérique", StringComparison.Ordinal);
            strings.Delete();
            await using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            await writer.WriteAsync(xml);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await CleaNumCommandLine.RunAsync(["ingest", file, "--data", Path.Combine(_root, "données"), "--json"], output, error);

        JsonElement result = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("files")[0];
        List<string?> codes = [.. result.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("code").GetString())];
        Assert.NotEqual("refused", result.GetProperty("status").GetString());
        Assert.Contains("CELL_TEXT_INVALID", codes);
        Assert.DoesNotContain("FILE_UNREADABLE", codes);
        Assert.Equal(ExitCodes.Ok, exit);
    }
}
