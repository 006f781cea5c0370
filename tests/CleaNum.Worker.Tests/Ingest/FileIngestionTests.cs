using System.Security.Cryptography;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using CleaNum.Worker.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Worker.Tests.Ingest;

/// <summary>
/// <see cref="FileIngestion.IngestAllAsync"/> prepares the next file (claim, hash, read, validate) while the current
/// one is committed (store, report, move). What must not change: commits in the given order, a byte-identical copy
/// found a duplicate even when it was prepared before its original was stored, the network size counting the file
/// just before, and a stopped batch leaving the file prepared ahead where it was, untouched.
/// </summary>
public sealed class FileIngestionTests
{
    private static readonly Dictionary<string, string?> ThresholdOne = new() { ["CleaNum:Annex:LargeNetworkThreshold"] = "1" };

    [Fact]
    public async Task Does_commit_in_order_and_find_an_identical_copy_a_duplicate_even_when_prepared_before_its_original_is_stored()
    {
        await using var fixture = await IngestFixture.CreateAsync();
        string[] files =
        [
            fixture.Drop("acme-formation-idf.xlsx", asName: "01-acme.xlsx"),
            fixture.Drop("acme-formation-idf.xlsx", asName: "02-acme-encore.xlsx"),
            fixture.Drop("cap-numerique-bretagne.xlsx", asName: "03-cap.xlsx"),
            CampaignMembersTests.ChangedCopy(fixture, "acme-formation-idf.xlsx", "04-acme-v2.xlsx"),
        ];

        IngestBatch batch = await IngestAllAsync(fixture, files);

        Assert.Null(batch.Stopped);
        Assert.Equal(files.Select(Path.GetFileName), batch.Outcomes.Select(o => Path.GetFileName(o.File)));
        Assert.Equal(
            [SubmissionStatus.Accepted, SubmissionStatus.Duplicate, SubmissionStatus.Accepted, SubmissionStatus.Accepted],
            batch.Outcomes.Select(o => o.Status == SubmissionStatus.AcceptedWithWarnings ? SubmissionStatus.Accepted : o.Status));
        Assert.Contains(batch.Outcomes[1].Issues, i => i.Code == IssueCodes.FileDuplicate);
        Assert.Equal(1, batch.Outcomes[0].Version);
        Assert.Equal(2, batch.Outcomes[3].Version); // the duplicate made no version

        Assert.Empty(IngestFixture.FilesUnder(fixture.Data.Depot));
        Assert.Empty(IngestFixture.FilesUnder(fixture.Data.InProgress));
        Assert.Equal(4, IngestFixture.FilesUnder(fixture.Data.Archives).Count + IngestFixture.FilesUnder(fixture.Data.Refused).Count);
        IReadOnlyList<Submission> acme = await Store(fixture).GetVersionsAsync(batch.Outcomes[0].Siren!, CancellationToken.None);
        Assert.Equal(["01-acme.xlsx", "04-acme-v2.xlsx"], acme.Select(s => s.FileName));
    }

    [Fact]
    public async Task Does_count_the_member_of_a_file_prepared_but_not_yet_stored_in_the_network_size_without_a_roster()
    {
        await using var fixture = await IngestFixture.CreateAsync(withRoster: false, settings: ThresholdOne);
        IngestPipeline pipeline = fixture.Pipeline();

        // Each file is prepared before the one before it is committed (the batch does it one file ahead; here two).
        PreparedFile formanord = await pipeline.PrepareAsync(fixture.Drop("erreurs-typiques-formanord.xlsx"), CancellationToken.None);
        PreparedFile acme = await pipeline.PrepareAsync(fixture.Drop("acme-formation-idf.xlsx"), CancellationToken.None);
        PreparedFile again = await pipeline.PrepareAsync(
            CampaignMembersTests.ChangedCopy(fixture, "erreurs-typiques-formanord.xlsx", "formanord-v2.xlsx"), CancellationToken.None);
        IngestOutcome[] outcomes = [
            await pipeline.CommitAsync(formanord, CancellationToken.None),
            await pipeline.CommitAsync(acme, CancellationToken.None),
            await pipeline.CommitAsync(again, CancellationToken.None)];

        // alone: a network of 1, not above the threshold; the second version counts ACME, prepared before it, not stored
        Assert.Contains(outcomes[0].Issues, i => i.Code == IssueCodes.CvTrainerMissing && i.Severity == Severity.Error);
        Assert.Contains(outcomes[2].Issues, i => i.Code == IssueCodes.CvTrainerMissing && i.Severity == Severity.Warning);
        Assert.Equal([1, 1, 2], outcomes.Select(o => o.Version));
        Assert.Empty(IngestFixture.FilesUnder(fixture.Data.InProgress));
    }

    [Fact]
    public async Task Does_put_the_file_prepared_ahead_back_untouched_when_the_batch_stops_and_finish_everything_the_next_time()
    {
        await using var fixture = await IngestFixture.CreateAsync();
        IngestOutcome first = await fixture.IngestAsync(fixture.Drop("erreurs-typiques-formanord.xlsx"));
        string siren = first.Siren!;

        // FormaNord's report folder is now a file: its next version is stored, but its report cannot be written.
        string reports = fixture.Data.ReportFolder(siren, "x.xlsx");
        Directory.Delete(reports, recursive: true);
        await File.WriteAllTextAsync(reports, "bloque");

        string acme = fixture.Drop("acme-formation-idf.xlsx", asName: "01-acme.xlsx");
        string formanord = CampaignMembersTests.ChangedCopy(fixture, "erreurs-typiques-formanord.xlsx", "02-formanord-v2.xlsx");
        string cap = fixture.Drop("cap-numerique-bretagne.xlsx", asName: "03-cap.xlsx");
        byte[] capBytes = await File.ReadAllBytesAsync(cap);

        IngestBatch batch = await IngestAllAsync(fixture, [acme, formanord, cap]);

        Assert.Equal(formanord, batch.Stopped?.File);
        Assert.IsType<IngestDeferredException>(batch.Stopped?.Exception);
        Assert.Equal(["01-acme.xlsx"], batch.Outcomes.Select(o => Path.GetFileName(o.File)));
        Assert.True(File.Exists(formanord));
        Assert.Equal(capBytes, await File.ReadAllBytesAsync(cap)); // back in depot/ under its name, the same bytes
        Assert.Empty(IngestFixture.FilesUnder(fixture.Data.InProgress));
        Assert.Null(await Store(fixture).FindBySha256Async(Convert.ToHexStringLower(SHA256.HashData(capBytes)), CancellationToken.None));

        File.Delete(reports);
        IngestBatch again = await IngestAllAsync(fixture, [formanord, cap]);

        Assert.Null(again.Stopped);
        Assert.Equal(2, again.Outcomes[0].Version); // stored once, finished now
        Assert.Empty(IngestFixture.FilesUnder(fixture.Data.Depot));
        Assert.Empty(IngestFixture.FilesUnder(fixture.Data.InProgress));
        Assert.Equal(2, (await Store(fixture).GetVersionsAsync(siren, CancellationToken.None)).Count);
    }

    private static Task<IngestBatch> IngestAllAsync(IngestFixture fixture, IReadOnlyList<string> files) =>
        fixture.Host.Services.GetRequiredService<FileIngestion>().IngestAllAsync(files, null, CancellationToken.None);

    private static ISubmissionStore Store(IngestFixture fixture) => fixture.Host.Services.GetRequiredService<ISubmissionStore>();
}
