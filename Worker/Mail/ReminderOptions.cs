using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Mail;

/// <summary>Section <c>CleaNum:Reminders</c> (service.md « Schedule »): the reminders' own cron, off by default, and
/// at most one reminder per member per <see cref="MinDays"/>.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "CleaNum:Reminders";

    /// <summary>Quartz cron (e.g. <c>"0 0 9 ? * MON"</c>, Europe/Paris); empty = no scheduled reminders.</summary>
    public string? Cron { get; set; }

    [Range(1, 365)]
    public int MinDays { get; set; } = 7;

    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";
}

[OptionsValidator]
public sealed partial class ReminderOptionsValidator : IValidateOptions<ReminderOptions>;
