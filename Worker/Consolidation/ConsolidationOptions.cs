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

    /// <summary>Instruction fee per application, € HT.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal FeePerApplication { get; set; } = 300m;

    /// <summary>Fee per SIRET of table 1.4, € HT.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal FeePerSiret { get; set; } = 150m;

    internal ConsolidationSettings ToSettings(int defaultThreshold) => new()
    {
        LargeNetworkThreshold = LargeNetworkThreshold ?? defaultThreshold,
        SamplePercent = SamplePercent,
        IncludeAllCvs = IncludeAllCvs,
        Seed = Seed,
        FeePerApplication = FeePerApplication,
        FeePerSiret = FeePerSiret,
    };
}

[OptionsValidator]
public sealed partial class ConsolidationOptionsValidator : IValidateOptions<ConsolidationOptions>;
