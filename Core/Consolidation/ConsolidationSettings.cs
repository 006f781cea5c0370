namespace CleaNum.Core.Consolidation;

/// <summary>Thresholds of the CV sample rule and the fee estimate (rules.md, annex.md), with their defaults.</summary>
public sealed record ConsolidationSettings
{
    /// <summary>Up to this network size (<see cref="NetworkSize"/>) the per-member rule applies; above it, the percentage.
    /// Ingestion uses the same threshold for the severity of CV_*_MISSING.</summary>
    public int LargeNetworkThreshold { get; init; } = 50;

    /// <summary>Share of the human resources mobilisable (evaluators + trainers) whose CVs a large network provides.</summary>
    public decimal SamplePercent { get; init; } = 10m;

    /// <summary>Small networks: include every CV instead of one evaluator and one trainer per member.</summary>
    public bool IncludeAllCvs { get; init; }

    /// <summary>Seed of the deterministic draw of a large network's sample.</summary>
    public int Seed { get; init; } = 20_251_123;

    /// <summary>Instruction fee per candidate (€ HT): each member SIREN of the dossier, plus the head with its own activity.</summary>
    public decimal FeePerCandidate { get; init; } = 300m;

    /// <summary>Fee per site or establishment of table 1.4 (€ HT).</summary>
    public decimal FeePerSite { get; init; } = 150m;
}
