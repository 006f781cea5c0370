using CleaNum.Core.Domain;
using CleaNum.Core.Geography;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;

namespace CleaNum.Core.Consolidation;

/// <summary>The consolidated network: everything the annex (annex.md) and the status workbook show. Lists are in their
/// final, deterministic order (members by name then SIREN, establishments by member then SIRET).</summary>
public sealed record NetworkConsolidation
{
    public required string HeadName { get; init; }
    public string? HeadSiren { get; init; }
    public int Campaign { get; init; }
    public bool HasRoster { get; init; }

    /// <summary>Every known member: those who sent a file and roster members who sent nothing.</summary>
    public required IReadOnlyList<ConsolidatedMember> Members { get; init; }

    /// <summary>Table 1.4: establishments of the included members, each SIRET once.</summary>
    public required IReadOnlyList<AnnexEstablishment> Establishments { get; init; }

    public required CvSample CvSample { get; init; }

    /// <summary>Network-level issues (SIREN_CONFLICT, SIRET_DUPLICATE_NETWORK, CV_SAMPLE_INSUFFICIENT, MEMBER_MISSING) and
    /// the roster checks made at consolidation (MEMBER_NOT_IN_ROSTER, MANDATE_MISSING).</summary>
    public required IReadOnlyList<NetworkIssue> NetworkIssues { get; init; }

    /// <summary>Régions of the included members' establishments, by code.</summary>
    public required IReadOnlyList<Region> RegionsCovered { get; init; }

    /// <summary>Metropolitan régions with no establishment.</summary>
    public required IReadOnlyList<Region> MetropolitanRegionsMissing { get; init; }

    public bool NationalCoverage => MetropolitanRegionsMissing.Count == 0;

    public int EvaluatorsMobilisable { get; init; }
    public int TrainersMobilisable { get; init; }
    public required FeeEstimate Fees { get; init; }

    public IEnumerable<ConsolidatedMember> IncludedMembers => Members.Where(m => m.Included);

    public bool HasNetworkErrors => NetworkIssues.Any(i => i.Issue.Severity == Severity.Error);

    public int CountByState(MemberState state) => Members.Count(m => m.State == state);
}

/// <summary>One member. <see cref="Current"/> is the version the annex is built from (null when none is usable);
/// <see cref="Latest"/> the latest file received whatever its status (null for a roster member who sent nothing).</summary>
public sealed record ConsolidatedMember
{
    public required string Siren { get; init; }
    public required string Name { get; init; }
    public MemberState State { get; init; }

    /// <summary>In tables 1.4 and 4.3 (a current version and no blocking error).</summary>
    public bool Included { get; init; }

    public Submission? Current { get; init; }
    public MemberStatus? Latest { get; init; }

    /// <summary>The latest file was refused and the annex uses an older accepted version.</summary>
    public bool UsesOlderVersion => Current is not null && Latest is not null && Latest.Version != Current.Version;

    public RosterMember? RosterEntry { get; init; }

    /// <summary>The open issues of the member: those of the version used (or of the refused latest file when no version
    /// is usable), minus stored roster findings, plus those found at consolidation.</summary>
    public required IReadOnlyList<Issue> Issues { get; init; }

    /// <summary>The file the issues come from.</summary>
    public string? IssuesFile { get; init; }

    /// <summary>Why the member is left out of the annex tables (French), or null.</summary>
    public string? ExclusionReason { get; init; }

    public int ErrorCount => Issues.Count(i => i.Severity == Severity.Error);
    public int WarningCount => Issues.Count(i => i.Severity == Severity.Warning);
}

/// <summary>A network-level issue and the member it concerns (null for the network as a whole).</summary>
public sealed record NetworkIssue(string? Siren, string? MemberName, Issue Issue);

/// <summary>One row of table 1.4.</summary>
public sealed record AnnexEstablishment(
    string MemberSiren,
    string MemberName,
    string Name,
    string Siret,
    string AddressLine,
    string? RegionCode,
    string RegionName);

/// <summary>The CV sample: the rule applied (French), the required and selected counts and the CVs.</summary>
public sealed record CvSample(
    bool LargeNetwork,
    int Required,
    IReadOnlyList<SampledCv> Selected,
    string Rule,
    int Available)
{
    public int SelectedCount => Selected.Count;

    public bool Insufficient => SelectedCount < Required;
}

/// <summary>One CV of the sample. <see cref="CountedAs"/> is the role it fills in the sample (both roles for an
/// "Évaluateur et formateur" who is the only candidate of a small network's member).</summary>
public sealed record SampledCv(string MemberSiren, string MemberName, string? RegionCode, Intervenant Person, IntervenantRole CountedAs);

public sealed record FeeEstimate(decimal PerApplication, decimal PerSiret, int SiretCount)
{
    public decimal Total => PerApplication + (PerSiret * SiretCount);
}
