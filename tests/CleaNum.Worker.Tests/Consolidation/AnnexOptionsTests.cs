using CleaNum.Worker.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Tests.Consolidation;

/// <summary>One section per concern: the network rules behind the dossier are <c>CleaNum:Annex</c>; the keys a user
/// may have from earlier versions (<c>CleaNum:LargeNetworkThreshold</c>, section <c>Consolidation</c>) still apply.</summary>
public sealed class AnnexOptionsTests
{
    [Fact]
    public void Reads_the_earlier_keys_in_their_earlier_order()
    {
        AnnexOptions annex = Bind(new()
        {
            ["CleaNum:LargeNetworkThreshold"] = "30",
            ["Consolidation:SamplePercent"] = "25",
            ["Consolidation:IncludeAllCvs"] = "true",
            ["Consolidation:Seed"] = "7",
            ["Consolidation:FeePerCandidate"] = "310",
            ["Consolidation:FeePerApplication"] = "320", // the earlier name won over FeePerCandidate
            ["Consolidation:FeePerSiret"] = "160",
        });

        Assert.Equal(30, annex.LargeNetworkThreshold);
        Assert.Equal(25m, annex.SamplePercent);
        Assert.True(annex.IncludeAllCvs);
        Assert.Equal(7, annex.Seed);
        Assert.Equal(320m, annex.FeePerCandidate);
        Assert.Equal(160m, annex.FeePerSite);
        Assert.Equal(40, Bind(new() { ["CleaNum:LargeNetworkThreshold"] = "30", ["Consolidation:LargeNetworkThreshold"] = "40" }).LargeNetworkThreshold);
    }

    [Fact]
    public void A_key_of_the_section_wins_over_its_earlier_name_and_the_defaults_hold_without_any()
    {
        AnnexOptions annex = Bind(new()
        {
            ["CleaNum:LargeNetworkThreshold"] = "30",
            ["Consolidation:LargeNetworkThreshold"] = "40",
            ["CleaNum:Annex:LargeNetworkThreshold"] = "20",
            ["Consolidation:FeePerApplication"] = "320",
            ["CleaNum:Annex:FeePerCandidate"] = "280",
        });

        Assert.Equal(20, annex.LargeNetworkThreshold);
        Assert.Equal(280m, annex.FeePerCandidate);
        AnnexOptions defaults = Bind([]);
        Assert.Equal((50, 10m, 300m, 150m), (defaults.LargeNetworkThreshold, defaults.SamplePercent, defaults.FeePerCandidate, defaults.FeePerSite));
    }

    [Fact]
    public void An_earlier_key_out_of_range_is_refused_at_start_like_the_new_one()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Consolidation:SamplePercent"] = "0" }));
        Assert.Contains(nameof(AnnexOptions.SamplePercent), string.Join(" ", ex.Failures), StringComparison.Ordinal);
    }

    private static AnnexOptions Bind(Dictionary<string, string?> settings)
    {
        string root = Directory.CreateTempSubdirectory("cleanum-annex-options-").FullName;
        try
        {
            using IHost host = CleaNumHost.Build(new GlobalOptions(root, null, Json: false), service: false, settings);
            return host.Services.GetRequiredService<IOptions<AnnexOptions>>().Value;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
