using System.ComponentModel.DataAnnotations;
using CleaNum.Core.Consolidation;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Consolidation;

/// <summary>Section <c>Consolidation</c>: the CV sample rule's thresholds and the fee estimate (rules.md, annex.md).</summary>
public sealed class ConsolidationOptions
{
    public const string SectionName = "Consolidation";

    /// <summary>Above this many members the percentage rule applies; null = <c>CleaNum:LargeNetworkThreshold</c> (50).</summary>
    [Range(1, 100_000)]
    public int? LargeNetworkThreshold { get; set; }

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

    /// <summary>Earlier name of <see cref="FeePerCandidate"/> (kept so that an existing configuration still applies).</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal? FeePerApplication { get; set; }

    /// <summary>Earlier name of <see cref="FeePerSite"/>.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal? FeePerSiret { get; set; }

    /// <summary>The one threshold of the CV rule, for ingestion and consolidation alike: this section's, else
    /// <c>CleaNum:LargeNetworkThreshold</c>.</summary>
    internal int ThresholdOr(int defaultThreshold) => LargeNetworkThreshold ?? defaultThreshold;

    internal ConsolidationSettings ToSettings(int defaultThreshold) => new()
    {
        LargeNetworkThreshold = ThresholdOr(defaultThreshold),
        SamplePercent = SamplePercent,
        IncludeAllCvs = IncludeAllCvs,
        Seed = Seed,
        FeePerCandidate = FeePerApplication ?? FeePerCandidate,
        FeePerSite = FeePerSiret ?? FeePerSite,
    };
}

[OptionsValidator]
public sealed partial class ConsolidationOptionsValidator : IValidateOptions<ConsolidationOptions>;
