using System.Diagnostics;
using System.Text;
using CleaNum.Worker.Tests.Service;

namespace CleaNum.Worker.Tests.Reliability;

/// <summary>
/// service.md « What the watcher never does », on the real in-process service and real folders: links, FIFOs, names
/// the system dislikes, a trigger look-alike, a report that cannot be written, a file written in two halves.
/// </summary>
public sealed class HostileDepotTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [UnixFact]
    public async Task Does_not_follow_links_nor_block_on_a_fifo()
    {
        string outside = ServiceFixture.NewRoot();
        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), Path.Combine(outside, "dehors.xlsx"));
        await using var service = ServiceFixture.Create();
        service.Data.EnsureCreated();
        string depot = service.Data.Depot;
        Machine.Sh($"ln -s {Machine.Quote(outside)} {Machine.Quote(Path.Combine(depot, "lien-dossier"))}");
        Machine.Sh($"ln -s {Machine.Quote(service.Root)} {Machine.Quote(Path.Combine(depot, "boucle"))}");
        Machine.Sh($"ln -s {Machine.Quote(Path.Combine(outside, "dehors.xlsx"))} {Machine.Quote(Path.Combine(depot, "lien.xlsx"))}");
        Machine.Sh($"mkfifo {Machine.Quote(Path.Combine(depot, "x.xlsx"))}");
        try
        {
            await service.StartAsync();
            File.Copy(ServiceFixture.Sample("cap-numerique-bretagne.xlsx"), Path.Combine(depot, "cap.xlsx"));

            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count >= 1, Timeout), "a FIFO blocked the depot");
            await Task.Delay(TimeSpan.FromSeconds(2.5)); // two rescans: nothing more is taken

            Assert.Equal(["cap.xlsx"], ServiceFixture.FinalNames(service.Data));
            Assert.True(File.Exists(Path.Combine(outside, "dehors.xlsx")));
            Assert.True(File.Exists(service.Data.DatabasePath));
            Assert.Equal(1, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
            foreach (string link in new[] { "lien-dossier", "boucle", "lien.xlsx" })
            {
                Assert.Equal(EntryKind.Link, NativeFiles.KindOf(Path.Combine(depot, link)));
            }

            Assert.Equal(EntryKind.Special, NativeFiles.KindOf(Path.Combine(depot, "x.xlsx")));
        }
        finally
        {
            await service.StopAsync();
            Machine.Sh($"rm -f {Machine.Quote(depot)}/x.xlsx {Machine.Quote(depot)}/lien-dossier {Machine.Quote(depot)}/boucle {Machine.Quote(depot)}/lien.xlsx");
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Does_take_a_name_too_long_for_the_archive_and_go_on()
    {
        await using var service = ServiceFixture.Create();
        await service.StartAsync();
        string name = new string('漢', 83) + ".xlsx"; // 254 bytes: the archive's 13-byte prefix would pass 255
        Assert.Equal(254, Encoding.UTF8.GetByteCount(name));
        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), service.Depot(name));

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.Files(service.Data.Archives).Count == 1, Timeout));
        File.Copy(ServiceFixture.Sample("cap-numerique-bretagne.xlsx"), service.Depot("cap.xlsx"));
        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.Files(service.Data.Archives).Count == 2, Timeout));

        string archived = ServiceFixture.Files(service.Data.Archives).Single(f => f.Contains('漢', StringComparison.Ordinal));
        Assert.InRange(Encoding.UTF8.GetByteCount(Path.GetFileName(archived)), 100, 255);
        Assert.EndsWith(".xlsx", archived, StringComparison.Ordinal);
        Assert.Empty(ServiceFixture.Files(service.Data.Depot));
        Assert.Equal(2, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
    }

    [UnixFact]
    public async Task Does_rename_a_name_that_is_not_utf8_and_take_it()
    {
        await using var service = ServiceFixture.Create();
        service.Data.EnsureCreated();
        // "café.xlsx" in Latin-1, as an old share or a zip extracted on Linux leaves it
        Machine.Sh($"cp {Machine.Quote(ServiceFixture.Sample("acme-formation-idf.xlsx"))} {Machine.Quote(service.Data.Depot)}/\"$(printf 'caf\\351.xlsx')\"");
        await service.StartAsync();

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count == 1, Timeout));
        Assert.Equal(["caf_.xlsx"], ServiceFixture.FinalNames(service.Data));
        Assert.Empty(ServiceFixture.Files(service.Data.Depot));
    }

    [Fact]
    public async Task Does_ingest_a_workbook_named_consolider_xlsx_as_a_member_file()
    {
        await using var service = ServiceFixture.Create();
        await service.StartAsync();
        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), service.Depot("Consolider.xlsx"));

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count == 1, Timeout));
        Assert.Equal(["Consolider.xlsx"], ServiceFixture.FinalNames(service.Data));
        Assert.Equal(1, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
        Assert.NotEmpty(ServiceFixture.Files(service.Data.Reports));
    }

    [Fact]
    public async Task Does_wait_for_a_file_written_in_two_halves_by_another_process()
    {
        await using var service = ServiceFixture.Create(settings: new Dictionary<string, string?> { ["CleaNum:Inbox:UnreadableGrace"] = "00:00:30" });
        await service.StartAsync();
        string source = ServiceFixture.Sample("acme-formation-idf.xlsx");
        string target = service.Depot("moitié.xlsx");
        int half = (int)new FileInfo(source).Length / 2;

        // another process (no .NET lock) keeps the file open and writes the second half 3 s later
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"{{ head -c {half} {Machine.Quote(source)}; sleep 3; tail -c +{half + 1} {Machine.Quote(source)}; }} > {Machine.Quote(target)}");
        using Process writer = Process.Start(info)!;

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count == 1, Timeout));
        await writer.WaitForExitAsync();

        Assert.Empty(ServiceFixture.Files(service.Data.Refused));
        string archived = Assert.Single(ServiceFixture.Files(service.Data.Archives));
        Assert.Equal(await File.ReadAllBytesAsync(source), await File.ReadAllBytesAsync(archived));
        Assert.Equal(1, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
    }

    [LinuxRootFact]
    public async Task Does_keep_a_stored_file_waiting_while_its_report_cannot_be_written()
    {
        await using var service = ServiceFixture.Create();
        service.Data.EnsureCreated();
        await service.StartAsync();
        using (Machine.Immutable(service.Data.Reports))
        {
            File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), service.Depot("acme.xlsx"));
            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.SubmissionCount(service.Data.DatabasePath) == 1, Timeout));
            await Task.Delay(TimeSpan.FromSeconds(3)); // several retries

            Assert.Empty(ServiceFixture.Files(service.Data.Refused));
            Assert.Empty(ServiceFixture.Files(service.Data.Archives));
            Assert.Single(ServiceFixture.Files(service.Data.Depot).Concat(ServiceFixture.Files(service.Data.InProgress)));
        }

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.Files(service.Data.Archives).Count == 1, Timeout));
        Assert.Empty(ServiceFixture.Files(service.Data.Refused));
        Assert.Empty(ServiceFixture.Files(service.Data.Depot));
        Assert.Equal(1, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
        Assert.NotEmpty(ServiceFixture.Files(service.Data.Reports));
    }

    [LinuxRootFact]
    public async Task Does_keep_a_stored_file_waiting_while_the_report_disk_is_full()
    {
        await using var service = ServiceFixture.Create();
        service.Data.EnsureCreated();
        using (Machine.SmallDisk(service.Data.Reports, 256))
        {
            string filler = Machine.Fill(service.Data.Reports);
            await service.StartAsync();
            File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), service.Depot("acme.xlsx"));
            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.SubmissionCount(service.Data.DatabasePath) == 1, Timeout));
            await Task.Delay(TimeSpan.FromSeconds(3));

            Assert.Empty(ServiceFixture.Files(service.Data.Refused));
            Assert.Empty(ServiceFixture.Files(service.Data.Archives));

            File.Delete(filler);
            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.Files(service.Data.Archives).Count == 1, Timeout));
            Assert.Empty(ServiceFixture.Files(service.Data.Refused));
            Assert.Equal(1, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
            Assert.NotEmpty(ServiceFixture.Files(service.Data.Reports));
            await service.StopAsync();
        }
    }
}
