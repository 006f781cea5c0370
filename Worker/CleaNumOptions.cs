using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker;

/// <summary>Section <c>CleaNum</c> of the configuration: the data folder and the campaign. (The earlier
/// <c>CleaNum:LargeNetworkThreshold</c> is now <see cref="AnnexOptions.LargeNetworkThreshold"/>, and still read.)</summary>
public sealed class CleaNumOptions
{
    public const string SectionName = "CleaNum";

    /// <summary>The data folder (<c>--data</c> overrides it).</summary>
    [Required]
    public string DataPath { get; set; } = DataFolder.DefaultPath;

    /// <summary>Campaign year; <c>reseau.xlsx</c> (Campagne) wins; else the current year.</summary>
    [Range(2000, 2100)]
    public int? Campaign { get; set; }

    /// <summary>Submission deadline of the campaign (Qualiopi must not expire before it); default 31/12 of the campaign.</summary>
    public DateOnly? SubmissionDeadline { get; set; }

    /// <summary>The campaign in force: the roster's Campagne, else <see cref="Campaign"/>, else the current year in Paris.</summary>
    public int CampaignYear(CleaNum.Core.Domain.NetworkRoster? roster, TimeProvider time) =>
        roster?.Head.Campaign ?? Campaign ?? CleaNum.Core.ParisTime.ToParis(time.GetUtcNow()).Year;

    /// <summary>Name of the network head when there is no <c>reseau.xlsx</c>.</summary>
    public string NetworkHeadName { get; set; } = "Tete de reseau";
}

[OptionsValidator]
public sealed partial class CleaNumOptionsValidator : IValidateOptions<CleaNumOptions>;
