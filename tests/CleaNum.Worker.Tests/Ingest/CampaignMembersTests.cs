using CleaNum.Core.Issues;
using CleaNum.Worker.Ingest;
using CleaNum.Worker.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Worker.Tests.Ingest;

/// <summary>
/// Without a roster the network size is the SIRENs with a file this campaign plus the file's own (annex.md): within one
/// run the pipeline keeps that set in memory (<see cref="CampaignMembers"/>) instead of asking the database before each
/// file. With the large-network threshold at 1, a missing trainer CV is an error for a network of 1 and a warning for 2.
/// </summary>
public sealed class CampaignMembersTests
{
    private static readonly Dictionary<string, string?> ThresholdOne = new() { ["CleaNum:Annex:LargeNetworkThreshold"] = "1" };

    [Fact]
    public async Task Does_count_the_siren_stored_by_the_previous_file_of_the_same_run()
    {
        await using var fixture = await IngestFixture.CreateAsync(withRoster: false, settings: ThresholdOne);

        IngestOutcome first = await fixture.IngestAsync(fixture.Drop("erreurs-typiques-formanord.xlsx"));
        IngestOutcome acme = await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));

        // alone in the network: 1, not above the threshold
        Assert.Contains(first.Issues, i => i.Code == IssueCodes.CvTrainerMissing && i.Severity == Severity.Error);
        Assert.NotEqual(first.Siren, acme.Siren);

        IngestOutcome second = await fixture.IngestAsync(ChangedCopy(fixture, "erreurs-typiques-formanord.xlsx", "formanord-v2.xlsx"));

        // ACME, stored by this run, counts: 2 members with a file, above the threshold
        Assert.Equal(first.Siren, second.Siren);
        Assert.Equal(2, second.Version);
        Assert.Contains(second.Issues, i => i.Code == IssueCodes.CvTrainerMissing && i.Severity == Severity.Warning);
    }

    [Fact]
    public async Task Does_stop_counting_a_member_erased_during_the_run()
    {
        await using var fixture = await IngestFixture.CreateAsync(withRoster: false, settings: ThresholdOne);
        IngestOutcome acme = await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));
        IngestOutcome before = await fixture.IngestAsync(fixture.Drop("erreurs-typiques-formanord.xlsx"));
        Assert.Contains(before.Issues, i => i.Code == IssueCodes.CvTrainerMissing && i.Severity == Severity.Warning);

        await using (AsyncServiceScope scope = fixture.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionService>().EraseMemberAsync(acme.Siren!, dryRun: false, "test", CancellationToken.None);
        }

        IngestOutcome after = await fixture.IngestAsync(ChangedCopy(fixture, "erreurs-typiques-formanord.xlsx", "formanord-v2.xlsx"));

        Assert.Contains(after.Issues, i => i.Code == IssueCodes.CvTrainerMissing && i.Severity == Severity.Error);
    }

    /// <summary>A copy of a sample with a note far down its help sheet: other bytes (not a duplicate), same data.</summary>
    internal static string ChangedCopy(IngestFixture fixture, string sample, string asName)
    {
        string copy = fixture.Drop(sample, asName: asName);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(copy))
        {
            workbook.Worksheet("Instructions").Cell(200, 26).SetValue("copie " + asName);
            workbook.Save();
        }

        return copy;
    }
}
