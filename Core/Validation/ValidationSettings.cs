using CleaNum.Core.Domain;

namespace CleaNum.Core.Validation;

/// <summary>What a member's validation depends on beyond the file itself.</summary>
public sealed record ValidationSettings
{
    /// <summary>The campaign year (YEAR_INVALID upper bound).</summary>
    public required int CampaignYear { get; init; }

    /// <summary>Qualiopi must not expire before this date (QUALIOPI_EXPIRED).</summary>
    public required DateOnly SubmissionDeadline { get; init; }

    /// <summary>Number of members in the network when neither <see cref="Roster"/> nor <see cref="MembersWithFile"/>
    /// is given (tests, benchmarks): CV_*_MISSING is an error up to <see cref="LargeNetworkThreshold"/>, a warning above.</summary>
    public int NetworkMemberCount { get; init; }

    /// <summary>SIRENs that already sent a file in the campaign (used when there is no roster: the network size is
    /// then these plus the file's own SIREN when it is new — annex.md, <see cref="Consolidation.NetworkSize"/>).</summary>
    public IReadOnlySet<string>? MembersWithFile { get; init; }

    /// <summary>The network size for a file of this SIREN: distinct roster SIRENs when there is a roster, else the
    /// members with a file counting this one, else <see cref="NetworkMemberCount"/>.</summary>
    public int NetworkSizeFor(string? siren)
    {
        if (Roster is not null)
        {
            return Consolidation.NetworkSize.Of(Roster, 0);
        }

        if (MembersWithFile is { } known)
        {
            return known.Count + (siren is not null && !known.Contains(siren) ? 1 : 0);
        }

        return NetworkMemberCount;
    }

    public int LargeNetworkThreshold { get; init; } = 50;

    /// <summary>The roster when <c>reseau.xlsx</c> exists (MEMBER_NOT_IN_ROSTER, MANDATE_MISSING).</summary>
    public NetworkRoster? Roster { get; init; }
}
