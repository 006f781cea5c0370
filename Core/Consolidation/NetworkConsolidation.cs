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

    /// <summary>« Activité CléA numérique de la tête de réseau » of <c>reseau.xlsx</c> (null: no roster or no answer).
    /// When true the head is itself a candidate.</summary>
    public bool? HeadCleaActivity { get; init; }

    /// <summary>The head's contact as written in <c>reseau.xlsx</c>.</summary>
    public string? HeadContact { get; init; }

    /// <summary>The head counts as a candidate (annex.md « What counts »).</summary>
    public bool HeadIsCandidate => HeadCleaActivity == true;

    /// <summary>Candidates: each member SIREN in the dossier (the included members) plus the head when it has its own
    /// CléA numérique activity.</summary>
    public int CandidateCount => IncludedMembers.Count() + (HeadIsCandidate ? 1 : 0);

    /// <summary>Sites and establishments of form 1.4: one per row of table 1.4.</summary>
    public int SiteCount => Establishments.Count;

    /// <summary>The network size of the CV rule (<see cref="Consolidation.NetworkSize"/>): distinct roster SIRENs when
    /// <c>reseau.xlsx</c> exists, else members that sent a file. The same number ingestion used.</summary>
    public int NetworkSize { get; init; }

    /// <summary>True when <see cref="NetworkSize"/> was counted from the roster.</summary>
    public bool NetworkSizeFromRoster { get; init; }

    /// <summary>Above this size the percentage rule applies (and a missing CV is a warning at ingestion).</summary>
    public int LargeNetworkThreshold { get; init; } = 50;

    public bool LargeNetwork => NetworkSize > LargeNetworkThreshold;

    /// <summary>Every known member: those who sent a file and roster members who sent nothing.</summary>
    public required IReadOnlyList<ConsolidatedMember> Members { get; init; }

    /// <summary>Table 1.4: establishments of the included members, each SIRET once.</summary>
    public required IReadOnlyList<AnnexEstablishment> Establishments { get; init; }

    public required CvSample CvSample { get; init; }

    /// <summary>Network-level issues (SIREN_CONFLICT, SIRET_DUPLICATE_NETWORK, CV_SAMPLE_INSUFFICIENT, MEMBER_MISSING) and
    /// the roster checks made at consolidation (MEMBER_NOT_IN_ROSTER, MANDATE_MISSING).</summary>
    public required IReadOnlyList<NetworkIssue> NetworkIssues { get; init; }

    /// <summary>Régions of the sites of table 1.4 (each site's postal code région), by code.</summary>
    public required IReadOnlyList<Region> RegionsCovered { get; init; }

    /// <summary>Metropolitan régions with no establishment.</summary>
    public required IReadOnlyList<Region> MetropolitanRegionsMissing { get; init; }

    /// <summary>« Couverture nationale : OUI » — every one of the 13 metropolitan régions has a site.</summary>
    public bool NationalCoverage => MetropolitanRegionsMissing.Count == 0;

    /// <summary>« Couverture régionale : OUI » — the network covers one or more régions without covering the whole
    /// metropolitan territory (the form asks one or the other; a network with no site covers neither).</summary>
    public bool RegionalCoverage => !NationalCoverage && RegionsCovered.Count > 0;

    /// <summary>Form 3.2 « Chiffres clés »: the included members' <c>Activite</c> rows, one per member and year (rows of
    /// one year summed), in member order then year.</summary>
    public IReadOnlyList<MemberActivity> Activity { get; init; } = [];

    /// <summary>Network total per year (ascending), over the included members.</summary>
    public IReadOnlyList<YearActivity> ActivityByYear { get; init; } = [];

    /// <summary>Network total over the whole period.</summary>
    public ActivityFigures ActivityTotal { get; init; } = ActivityFigures.None;

    /// <summary>Form 4.1: every reference of the included members, in member order then sheet order.</summary>
    public IReadOnlyList<AnnexReference> References { get; init; } = [];

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

    /// <summary>A candidate of the dossier (each member SIREN in the annex).</summary>
    public bool IsCandidate => Included;

    /// <summary>The Organisme sheet of the version used (null for a member without usable file).</summary>
    public MemberOrganisation? Organisation => Current?.Data?.Organisation;

    public string? Nda => Organisation?.Nda;

    /// <summary>« Lettre de mandat reçue » of the roster (null: no roster, not listed, or not answered).</summary>
    public bool? MandateReceived => RosterEntry?.MandateReceived;

    /// <summary>« Date du mandat » of the roster.</summary>
    public DateOnly? MandateDate => RosterEntry?.MandateDate;

    /// <summary>Qualiopi as declared (null without usable file).</summary>
    public QualiopiCertification? Qualiopi => Organisation is { } o
        ? new QualiopiCertification(o.Qualiopi, o.QualiopiCertificate, o.QualiopiCertifier, o.QualiopiExpiry)
        : null;

    /// <summary>Form 1.3 history (null without usable file).</summary>
    public HabilitationHistory? History => Organisation?.History;

    /// <summary>Rows of the Etablissements sheet of the version used (each row is a site).</summary>
    public int SiteCount => Current?.Data?.Establishments.Count ?? 0;

    /// <summary>Evaluators / trainers declared mobilisable.</summary>
    public int? EvaluatorCount => Organisation?.EvaluatorCount;

    public int? TrainerCount => Organisation?.TrainerCount;

    /// <summary>CVs provided (rows of Intervenants with a role).</summary>
    public int CvCount => Current?.Data?.Intervenants.Count(i => i.Role != IntervenantRole.None) ?? 0;
}

/// <summary>Qualiopi of one member: certified (Oui/Non), certificate number, certifier, expiry date.</summary>
public sealed record QualiopiCertification(bool? Certified, string? Certificate, string? Certifier, DateOnly? Expiry);

/// <summary>One member's form 3.2 figures for one year.</summary>
public sealed record MemberActivity(string MemberSiren, string MemberName, int Year, ActivityFigures Figures);

/// <summary>The network's form 3.2 figures for one year.</summary>
public sealed record YearActivity(int Year, ActivityFigures Figures);

/// <summary>Form 3.2 counts: dossiers inscrits, évaluations préalables, évaluations finales, personnes certifiées.
/// A count nobody gave is null; a sum is null only when every term is.</summary>
public sealed record ActivityFigures(int? Registered, int? PriorEvaluations, int? FinalEvaluations, int? Certified)
{
    public static ActivityFigures None { get; } = new(null, null, null, null);

    public static ActivityFigures Sum(IEnumerable<ActivityFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ActivityFigures total = None;
        foreach (ActivityFigures f in figures)
        {
            total = new ActivityFigures(
                Add(total.Registered, f.Registered),
                Add(total.PriorEvaluations, f.PriorEvaluations),
                Add(total.FinalEvaluations, f.FinalEvaluations),
                Add(total.Certified, f.Certified));
        }

        return total;
    }

    private static int? Add(int? a, int? b) => a is null ? b : b is null ? a : a + b;
}

/// <summary>One reference (form 4.1) and the member it belongs to.</summary>
public sealed record AnnexReference(string MemberSiren, string MemberName, Reference Reference);

/// <summary>A network-level issue and the member it concerns (null for the network as a whole).</summary>
public sealed record NetworkIssue(string? Siren, string? MemberName, Issue Issue);

/// <summary>One row of table 1.4 (one site). <see cref="RegionCode"/> / <see cref="RegionName"/>: the région of the
/// postal code (<see cref="SiteRegion"/>), never the member's typed value.</summary>
public sealed record AnnexEstablishment(
    string MemberSiren,
    string MemberName,
    string Name,
    string Siret,
    string AddressLine,
    string? RegionCode,
    string RegionName)
{
    public string? PostalCode { get; init; }

    /// <summary>The member typed another région than the postal code's (REGION_MISMATCH in its report).</summary>
    public bool DeclaredRegionDiffers { get; init; }
}

/// <summary>The CV sample: the rule applied (French), the required and selected counts and the CVs.</summary>
public sealed record CvSample(
    bool LargeNetwork,
    int Required,
    IReadOnlyList<SampledCv> Selected,
    string Rule,
    int Available)
{
    /// <summary>The network size the rule was chosen on (<see cref="Consolidation.NetworkSize"/>).</summary>
    public int NetworkSize { get; init; }

    public int SelectedCount => Selected.Count;

    public bool Insufficient => SelectedCount < Required;
}

/// <summary>One CV of the sample. <see cref="CountedAs"/> is the role it fills in the sample (both roles for an
/// "Évaluateur et formateur" who is the only candidate of a small network's member).</summary>
public sealed record SampledCv(string MemberSiren, string MemberName, string? RegionCode, Intervenant Person, IntervenantRole CountedAs);

/// <summary>The fee estimate of annex.md: <see cref="PerCandidate"/> € HT per candidate (each member SIREN, plus the
/// head with its own activity) and <see cref="PerSite"/> € HT per site or establishment of table 1.4.</summary>
public sealed record FeeEstimate(decimal PerCandidate, decimal PerSite, int CandidateCount, int SiteCount)
{
    private static readonly System.Globalization.CultureInfo French = FrenchCulture.Instance;

    public decimal CandidatesAmount => PerCandidate * CandidateCount;

    public decimal SitesAmount => PerSite * SiteCount;

    public decimal Total => CandidatesAmount + SitesAmount;

    /// <summary>Earlier name of <see cref="PerCandidate"/>.</summary>
    public decimal PerApplication => PerCandidate;

    /// <summary>Earlier name of <see cref="PerSite"/>.</summary>
    public decimal PerSiret => PerSite;

    /// <summary>Earlier name of <see cref="SiteCount"/>.</summary>
    public int SiretCount => SiteCount;

    /// <summary>« 12 candidats × 300 € HT + 31 sites × 150 € HT = 8 250 € HT » (French number format).</summary>
    public string Formula =>
        string.Create(French, $"{CandidateCount} candidat{(CandidateCount > 1 ? "s" : "")} × {Amount(PerCandidate)} € HT + ")
        + string.Create(French, $"{SiteCount} site{(SiteCount > 1 ? "s" : "")} × {Amount(PerSite)} € HT = {Amount(Total)} € HT");

    private static string Amount(decimal value) =>
        value.ToString(value == decimal.Truncate(value) ? "#,##0" : "#,##0.00", French);
}
