using System.ComponentModel.DataAnnotations;
using CleaNum.Core.Consolidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker;

/// <summary>
/// Section <c>CleaNum:Annex</c>: the network rules behind the dossier (rules.md, annex.md) — the large-network
/// threshold, the CV sample rule and the fee estimate — for ingestion and consolidation alike.
/// The keys of earlier versions still apply (<see cref="BindEarlierKeys"/>): <c>CleaNum:LargeNetworkThreshold</c> and
/// the section <c>Consolidation</c> (<c>LargeNetworkThreshold</c>, <c>SamplePercent</c>, <c>IncludeAllCvs</c>,
/// <c>Seed</c>, <c>FeePerCandidate</c>, <c>FeePerSite</c>, <c>FeePerApplication</c>, <c>FeePerSiret</c>); a key of
/// this section wins over its earlier name.
/// </summary>
public sealed class AnnexOptions
{
    public const string SectionName = "CleaNum:Annex";

    /// <summary>Above this many members the network is "large": missing CVs are warnings and the percentage CV rule applies.</summary>
    [Range(1, 100_000)]
    public int LargeNetworkThreshold { get; set; } = 50;

    /// <summary>Share of the evaluators + trainers mobilisable whose CVs a large network provides (rounded up).</summary>
    [Range(typeof(decimal), "0.01", "100")]
    public decimal SamplePercent { get; set; } = 10m;

    /// <summary>Small networks: every CV instead of one evaluator and one trainer per member.</summary>
    public bool IncludeAllCvs { get; set; }

    /// <summary>Seed of the deterministic draw (same data + same seed → same sample).</summary>
    public int Seed { get; set; } = 20_251_123;

    /// <summary>Instruction fee per candidate (each member SIREN of the dossier, plus the head with its own activity), € HT.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal FeePerCandidate { get; set; } = 300m;

    /// <summary>Fee per site or establishment of table 1.4, € HT.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal FeePerSite { get; set; } = 150m;

    /// <summary>Applies the earlier keys, in their earlier order of precedence, before this section is bound:
    /// <c>CleaNum:LargeNetworkThreshold</c>, then the section <c>Consolidation</c> (where <c>FeePerApplication</c> and
    /// <c>FeePerSiret</c>, the earlier names of the fees, won over <c>FeePerCandidate</c> and <c>FeePerSite</c>).</summary>
    internal static void BindEarlierKeys(AnnexOptions options, IConfiguration configuration)
    {
        if (int.TryParse(configuration[$"{CleaNumOptions.SectionName}:{nameof(LargeNetworkThreshold)}"], out int threshold))
        {
            options.LargeNetworkThreshold = threshold;
        }

        IConfigurationSection earlier = configuration.GetSection("Consolidation");
        earlier.Bind(options);
        if (earlier.GetValue<decimal?>("FeePerApplication") is { } perApplication)
        {
            options.FeePerCandidate = perApplication;
        }

        if (earlier.GetValue<decimal?>("FeePerSiret") is { } perSiret)
        {
            options.FeePerSite = perSiret;
        }
    }

    internal ConsolidationSettings ToSettings() => new()
    {
        LargeNetworkThreshold = LargeNetworkThreshold,
        SamplePercent = SamplePercent,
        IncludeAllCvs = IncludeAllCvs,
        Seed = Seed,
        FeePerCandidate = FeePerCandidate,
        FeePerSite = FeePerSite,
    };
}

[OptionsValidator]
public sealed partial class AnnexOptionsValidator : IValidateOptions<AnnexOptions>;
