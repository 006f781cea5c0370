using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Retention;

/// <summary>Section <c>Retention</c> (service.md « Retention »).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>A superseded version's personal data and original file are removed this many days after it was received.</summary>
    [Range(1, 36500)]
    public int SupersededVersionsDays { get; set; } = 365;

    /// <summary>When the monthly job runs (Quartz cron, Europe/Paris by default: the 1st of the month at 03:00).</summary>
    [Required]
    public string Cron { get; set; } = "0 0 3 1 * ?";

    /// <summary>False disables the monthly job (<c>purger</c> still works).</summary>
    public bool Enabled { get; set; } = true;
}

[OptionsValidator]
public sealed partial class RetentionOptionsValidator : IValidateOptions<RetentionOptions>;
