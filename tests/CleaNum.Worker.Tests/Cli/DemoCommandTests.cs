using CleaNum.Worker.Cli;
using CleaNum.Worker.Tests.Service;

namespace CleaNum.Worker.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Does_ingest_the_sample_network_into_a_fresh_folder_and_say_where_the_reports_are()
    {
        string root = Path.Combine(ServiceFixture.NewRoot(), "démo");
        var output = new StringWriter();
        try
        {
            int exit = await CleaNumCommandLine.RunAsync(["demo", "--data", root], output, TextWriter.Null);

            string text = output.ToString();
            var data = new DataFolder(root);
            Assert.True(File.Exists(data.RosterPath));
            Assert.Empty(ServiceFixture.Files(data.Depot));
            Assert.Empty(ServiceFixture.Files(data.InProgress));
            Assert.Equal(7, ServiceFixture.FinalNames(data).Count);
            Assert.DoesNotContain("README.md", ServiceFixture.FinalNames(data));
            Assert.Contains("Rapport de chaque membre", text, StringComparison.Ordinal);
            foreach (string line in text.Split('\n').Select(l => l.Trim()).Where(l => l.EndsWith(".xlsx", StringComparison.Ordinal) && l.StartsWith('/')))
            {
                Assert.True(File.Exists(line), line);
            }

            Assert.Contains("ACME Formation (SIREN 832147565) : accepté", text, StringComparison.Ordinal);
            Assert.Contains("FormaNord (SIREN 844123984) : refusé", text, StringComparison.Ordinal);
            string[] annotated = [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("copie annotée : ", StringComparison.Ordinal))
                .Select(l => l["copie annotée : ".Length..])];
            Assert.Contains(annotated, path => path.EndsWith("-Annote.xlsx", StringComparison.Ordinal) && path.Contains("FormaNord", StringComparison.Ordinal));
            Assert.All(annotated, path => Assert.True(File.Exists(path), path));
            Assert.Equal(ExitCodes.Ok, exit);
            string[] dossier = [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("PJ", StringComparison.Ordinal))];
            Assert.Equal(3, dossier.Length);
            Assert.StartsWith("PJ1 annexe consolidée (Excel) : ", dossier[0], StringComparison.Ordinal);
            Assert.EndsWith(".xlsx", dossier[0], StringComparison.Ordinal);
            Assert.StartsWith("PJ2 CV des intervenants (Word) : ", dossier[1], StringComparison.Ordinal);
            Assert.StartsWith("PJ3 tableaux du cadre de réponse (Word) : ", dossier[2], StringComparison.Ordinal);
            Assert.All(dossier, line => Assert.True(File.Exists(line[(line.IndexOf(" : ", StringComparison.Ordinal) + 3)..]), line));
            Assert.Matches("-PJ2-[0-9]{6}\\.docx$", dossier[1]);
            Assert.Matches("-PJ3-[0-9]{6}\\.docx$", dossier[2]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
        }
    }

    [Fact]
    public async Task Does_replay_a_previous_demo_folder_but_never_touch_another_non_empty_folder()
    {
        string root = ServiceFixture.NewRoot();
        string demo = Path.Combine(root, "démo");
        string other = Path.Combine(root, "mes données");
        Directory.CreateDirectory(other);
        await File.WriteAllTextAsync(Path.Combine(other, "important.txt"), "à garder");
        try
        {
            await CleaNumCommandLine.RunAsync(["demo", "--data", demo], TextWriter.Null, TextWriter.Null);
            var error = new StringWriter();

            await CleaNumCommandLine.RunAsync(["demo", "--data", demo], TextWriter.Null, TextWriter.Null);
            int refused = await CleaNumCommandLine.RunAsync(["demo", "--data", other], TextWriter.Null, error);

            Assert.Equal(7, ServiceFixture.FinalNames(new DataFolder(demo)).Count); // replayed from scratch, not doubled
            Assert.Equal(ExitCodes.Failure, refused);
            Assert.Contains("n'est pas vide", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(["important.txt"], Directory.EnumerateFileSystemEntries(other).Select(Path.GetFileName));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
