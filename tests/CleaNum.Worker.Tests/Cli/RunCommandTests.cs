using CleaNum.Worker.Tests.Service;

namespace CleaNum.Worker.Tests.Cli;

/// <summary><c>cleanum run</c> as a real process: kill -9 mid-batch, restart, SIGTERM, faults.</summary>
public sealed class RunCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Does_account_for_every_file_exactly_once_after_kill_9_mid_batch()
    {
        string root = ServiceFixture.NewRoot();
        File.Copy(ServiceFixture.Sample("reseau.xlsx"), Path.Combine(root, "reseau.xlsx"));
        string depot = Path.Combine(root, "depot");
        var data = new DataFolder(root);
        var held = new List<FileStream>();
        try
        {
            var first = CleaNumProcess.Start($"run --data \"{root}\"");
            Assert.True(await first.WaitForStartAsync(Timeout), first.StandardError);

            // The service ingests a file in a few milliseconds: left alone it can finish the whole batch before this
            // process, slowed down by a loaded machine, gets round to killing it. Files 40 to 119 are therefore held
            // (a member's copy still in progress) and let go 40 at a time, so that each kill finds work left,
            // whatever the scheduling.
            List<string> names = DropBatch(depot, 120, heldFrom: 40, held);

            // kill -9 while it is busy, twice, at different points
            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(data).Count >= 10, Timeout), first.StandardError);
            await first.KillAsync();
            first.Dispose();
            int afterFirstKill = ServiceFixture.FinalNames(data).Count;
            Assert.InRange(afterFirstKill, 10, 40);

            Release(held, 0, 40); // files 40 to 79
            var second = CleaNumProcess.Start($"run --data \"{root}\"");
            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(data).Count >= afterFirstKill + 15, Timeout), second.StandardError);
            await second.KillAsync();
            second.Dispose();
            int afterSecondKill = ServiceFixture.FinalNames(data).Count;
            Assert.InRange(afterSecondKill, afterFirstKill + 15, 80);

            Release(held, 40, 40); // files 80 to 119
            using var third = CleaNumProcess.Start($"run --data \"{root}\"");
            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(data).Count >= names.Count, Timeout), third.StandardError);
            await Task.Delay(500);
            third.Terminate();
            Assert.True(await third.WaitForExitAsync(TimeSpan.FromSeconds(30)));

            Assert.Equal(0, third.ExitCode);
            Assert.Equal(names.Order(StringComparer.Ordinal), ServiceFixture.FinalNames(data).Order(StringComparer.Ordinal));
            Assert.Empty(ServiceFixture.Files(data.InProgress));
            Assert.Empty(ServiceFixture.Files(depot));
            Assert.Equal(names.Count, ServiceFixture.SubmissionCount(data.DatabasePath));
        }
        finally
        {
            held.ForEach(h => h.Dispose());
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Does_write_the_annex_when_consolider_is_dropped_in_a_running_service()
    {
        string root = ServiceFixture.NewRoot();
        var data = new DataFolder(root);
        try
        {
            Directory.CreateDirectory(root);
            string samples = Path.Combine(AppContext.BaseDirectory, "sample-data");
            File.Copy(Path.Combine(samples, "reseau.xlsx"), Path.Combine(root, "reseau.xlsx"));
            using var service = CleaNumProcess.Start($"run --data \"{root}\"");
            Assert.True(await service.WaitForStartAsync(Timeout), service.StandardError);
            foreach (string name in new[] { "acme-formation-idf.xlsx", "savoirs-occitanie.xls", "erreurs-typiques-formanord.xlsx" })
            {
                File.Copy(Path.Combine(samples, name), Path.Combine(data.Depot, name));
            }

            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(data).Count == 3, Timeout), service.StandardError);
            File.WriteAllText(Path.Combine(data.Depot, "consolider"), "");
            Assert.True(
                await ServiceFixture.WaitUntilAsync(() => Directory.GetFiles(data.Annex, "CleANum-*-PJ1-*.xlsx").Length == 1, Timeout),
                service.StandardError);

            service.Terminate();
            Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, service.ExitCode);
            Assert.False(File.Exists(Path.Combine(data.Depot, "consolider")));
            string annex = Directory.GetFiles(data.Annex, "CleANum-*-PJ1-*.xlsx").Single();
            using var workbook = new ClosedXML.Excel.XLWorkbook(annex);
            // "1.4 Établissements" (the unaccented name of earlier versions is accepted too).
            var establishments = workbook.Worksheets.First(w => w.Name is "1.4 Établissements" or "1.4 Etablissements");
            var sirets = establishments.ColumnsUsed().First(c => c.Cell(1).GetString() == "SIRET").CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
            // ACME 4 sites (two of them under one SIRET, at two addresses) + Savoirs 2; FormaNord is refused.
            Assert.Equal(6, sirets.Count);
            Assert.Equal(5, sirets.Distinct(StringComparer.Ordinal).Count());
            Assert.All(sirets, s => Assert.Matches("^[0-9]{14}$", s));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Does_stop_with_exit_code_0_within_30_seconds_on_sigterm_mid_batch()
    {
        string root = ServiceFixture.NewRoot();
        var data = new DataFolder(root);
        var held = new List<FileStream>();
        try
        {
            using var service = CleaNumProcess.Start($"run --data \"{root}\"");
            Assert.True(await service.WaitForStartAsync(Timeout), service.StandardError);

            // Files 30 to 59 are still being copied (held open) when SIGTERM comes: the service is stopped mid-batch
            // however fast it is.
            List<string> names = DropBatch(data.Depot, 60, heldFrom: 30, held);
            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(data).Count >= 5, Timeout), service.StandardError);

            service.Terminate();
            bool exited = await service.WaitForExitAsync(TimeSpan.FromSeconds(30));

            Assert.True(exited);
            Assert.Equal(0, service.ExitCode);
            Assert.Empty(ServiceFixture.Files(data.InProgress)); // the file being read went back to depot/
            Assert.InRange(ServiceFixture.Files(data.Depot).Count, 30, 55);
            Assert.Equal(names.Count, ServiceFixture.FinalNames(data).Count + ServiceFixture.Files(data.Depot).Count);
        }
        finally
        {
            held.ForEach(h => h.Dispose());
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Does_exit_non_zero_when_the_database_breaks_and_leave_the_file_in_depot()
    {
        string root = ServiceFixture.NewRoot();
        var data = new DataFolder(root);
        try
        {
            using var service = CleaNumProcess.Start($"run --data \"{root}\"");
            Assert.True(await service.WaitForStartAsync(Timeout), service.StandardError);
            foreach (string suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(data.DatabasePath + suffix))
                {
                    await File.WriteAllBytesAsync(data.DatabasePath + suffix, new byte[8192]); // not a database any more
                }
            }

            string dropped = Path.Combine(data.Depot, "acme.xlsx");
            File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), dropped);
            bool exited = await service.WaitForExitAsync(Timeout);

            Assert.True(exited, service.StandardError);
            Assert.NotEqual(0, service.ExitCode);
            Assert.True(File.Exists(dropped), service.StandardError);
            Assert.Empty(ServiceFixture.Files(data.InProgress));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Does_refuse_to_start_with_an_invalid_cron()
    {
        string root = ServiceFixture.NewRoot();
        try
        {
            using var service = CleaNumProcess.Start($"run --data \"{root}\"",
                new Dictionary<string, string> { ["CLEANUM__CleaNum__Consolidation__Cron"] = "tous les matins" });

            Assert.True(await service.WaitForExitAsync(Timeout));
            Assert.Equal(2, service.ExitCode);
            Assert.Contains("Erreur de configuration", service.StandardError, StringComparison.Ordinal);
            Assert.Contains("Cron", service.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Does_refuse_a_second_instance_on_the_same_data_folder()
    {
        string root = ServiceFixture.NewRoot();
        try
        {
            using var first = CleaNumProcess.Start($"run --data \"{root}\"");
            Assert.True(await first.WaitForStartAsync(Timeout), first.StandardError);

            using var second = CleaNumProcess.Start($"run --data \"{root}\"");
            Assert.True(await second.WaitForExitAsync(Timeout));

            Assert.Equal(2, second.ExitCode);
            Assert.Contains("déjà utilisé", second.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("process", second.StandardError, StringComparison.OrdinalIgnoreCase); // no .NET message
            Assert.False(first.HasExited);
            first.Terminate();
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, first.ExitCode);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Files arriving as members send them: real workbooks (new versions of ACME and Cap Numérique) and
    /// refusable ones, some in a sub-folder with accents, some written through a temporary name. From
    /// <paramref name="heldFrom"/> on, each file arrives already open with <see cref="FileShare.None"/> (the handle goes
    /// to <paramref name="held"/>): the service sees it but must leave it in depot/ until the handle is closed.</summary>
    private static List<string> DropBatch(string depot, int count, int heldFrom = int.MaxValue, List<FileStream>? held = null)
    {
        var names = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string name = $"dossier n°{i:D3}.xlsx";
            string folder = i % 4 == 0 ? Path.Combine(depot, "Île-de-France") : depot;
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, name);
            bool hold = i >= heldFrom;
            string written = hold ? path + ".part" : path; // *.part is ignored: the service never sees it unheld
            if (i % 10 == 0)
            {
                ServiceFixture.WriteVariant(i % 20 == 0 ? "acme-formation-idf.xlsx" : "cap-numerique-bretagne.xlsx", written, i);
            }
            else
            {
                ServiceFixture.WriteRefusable(written, i);
            }

            if (hold)
            {
                held!.Add(new FileStream(written, FileMode.Open, FileAccess.Read, FileShare.None));
                File.Move(written, path); // the lock follows the file
            }

            names.Add(name);
        }

        return names;
    }

    private static void Release(List<FileStream> held, int start, int count)
    {
        foreach (FileStream handle in held.GetRange(start, count))
        {
            handle.Dispose();
        }
    }
}
