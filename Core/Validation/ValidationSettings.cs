using CleaNum.Core.Domain;

namespace CleaNum.Core.Validation;

/// <summary>What a member's validation depends on beyond the file itself.</summary>
public sealed record ValidationSettings
{
    /// <summary>The campaign year (YEAR_INVALID upper bound).</summary>
    public required int CampaignYear { get; init; }

    /// <summary>Qualiopi must not expire before this date (QUALIOPI_EXPIRED).</summary>
    public required DateOnly SubmissionDeadline { get; init; }

    /// <summary>Number of members in the network (roster size, else members known): CV_*_MISSING is an error up to
    /// <see cref="LargeNetworkThreshold"/>, a warning above.</summary>
    public int NetworkMemberCount { get; init; }

    public int LargeNetworkThreshold { get; init; } = 50;

    /// <summary>The roster when <c>reseau.xlsx</c> exists (MEMBER_NOT_IN_ROSTER, MANDATE_MISSING).</summary>
    public NetworkRoster? Roster { get; init; }
}
