using CleaNum.Worker.Tests.Cli;
using CleaNum.Worker.Tests.Service;

namespace CleaNum.Worker.Tests.Reliability;

/// <summary><c>cleanum run</c> as a real process: debris of a killed write, private modes, links logged once, and a
/// database deleted under it.</summary>
public sealed class RunReliabilityTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Does_start_clean_and_private_and_stop_when_its_database_is_deleted()
    {
        string root = ServiceFixture.NewRoot();
        var data = new DataFolder(root);
        try
        {
            Directory.CreateDirectory(data.Annex);
            Directory.CreateDirectory(Path.Combine(data.Reports, "732829320"));
            string[] debris =
            [
                Path.Combine(data.Annex, ".CleANum-Reseau-PJ1-031226.0b1c2d3e.tmp.xlsx"),
                Path.Combine(data.Reports, "732829320", ".CleANum-ACME-Rapport-031226.0b1c2d3e.tmp.xlsx"),
                Path.Combine(data.Annex, ".Lettre.0b1c2d3e.tmp.docx"),
            ];
            foreach (string file in debris)
            {
                await File.WriteAllTextAsync(file, "interrompu");
            }

            Directory.CreateDirectory(data.Depot);
            Machine.Sh($"mkfifo {Machine.Quote(Path.Combine(data.Depot, "tube.xlsx"))}");
            Machine.Sh($"ln -s /etc {Machine.Quote(Path.Combine(data.Depot, "etc"))}");

            using var service = CleaNumProcess.Start($"run --data \"{root}\"");
            Assert.True(await service.WaitForStartAsync(Timeout), service.StandardError);
            Assert.All(debris, f => Assert.False(File.Exists(f), f));

            File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), Path.Combine(data.Depot, "acme.xlsx"));
            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.Files(data.Archives).Count == 1, Timeout), service.StandardError);
            await Task.Delay(TimeSpan.FromSeconds(2.5)); // two rescans

            // each link or FIFO logged once, not at every rescan
            Assert.Equal(2, Count(service.StandardError, "ne le suit pas"));
            Assert.Equal("rwxr-x---", Mode(data.Archives));
            Assert.Equal("rwxr-x---", Mode(data.Refused));
            Assert.Equal("rw-r-----", Mode(data.DatabasePath));
            Assert.Equal("rw-r-----", Mode(ServiceFixture.Files(data.Archives)[0]));
            Assert.All(ServiceFixture.Files(data.Reports), f => Assert.Equal("rw-r-----", Mode(f)));

            foreach (string file in Directory.EnumerateFiles(root, "cleanum.db*"))
            {
                File.Delete(file);
            }

            File.Copy(ServiceFixture.Sample("cap-numerique-bretagne.xlsx"), Path.Combine(data.Depot, "cap.xlsx"));
            Assert.True(await service.WaitForExitAsync(Timeout), service.StandardError);

            Assert.Equal(1, service.ExitCode);
            Assert.Contains("supprimée ou remplacée", service.StandardError, StringComparison.Ordinal);
            Assert.Single(ServiceFixture.Files(data.Archives));
            Assert.True(File.Exists(Path.Combine(data.Depot, "cap.xlsx")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Machine.Sh($"rm -rf {Machine.Quote(root)}", check: false);
        }
    }

    private static int Count(string text, string what)
    {
        int count = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string Mode(string path)
    {
        UnixFileMode mode = File.GetUnixFileMode(path);
        char Bit(UnixFileMode bit, char c) => (mode & bit) != 0 ? c : '-';
        return string.Concat(
            Bit(UnixFileMode.UserRead, 'r'), Bit(UnixFileMode.UserWrite, 'w'), Bit(UnixFileMode.UserExecute, 'x'),
            Bit(UnixFileMode.GroupRead, 'r'), Bit(UnixFileMode.GroupWrite, 'w'), Bit(UnixFileMode.GroupExecute, 'x'),
            Bit(UnixFileMode.OtherRead, 'r'), Bit(UnixFileMode.OtherWrite, 'w'), Bit(UnixFileMode.OtherExecute, 'x'));
    }
}
