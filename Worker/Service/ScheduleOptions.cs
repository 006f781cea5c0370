using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Quartz;

namespace CleaNum.Worker.Service;

/// <summary>Section <c>CleaNum:Consolidation</c>: when the service consolidates on its own.</summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "CleaNum:Consolidation";

    /// <summary>Quartz cron expression (seconds first); default every day at 06:00.</summary>
    [Required]
    public string Cron { get; set; } = "0 0 6 * * ?";

    /// <summary>IANA (or Windows) time zone of <see cref="Cron"/>.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>False: no scheduled consolidation (the <c>consolider</c> file and the verb still work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Through <see cref="Core.TimeZones"/>: "Europe/Paris" works on a Windows server without ICU too.</summary>
    internal TimeZoneInfo Zone() => ZoneOf(TimeZone);

    /// <summary>Any schedule's zone (consolidation, reminders, retention) through the one resolver,
    /// <see cref="Core.TimeZones"/>; UTC for an unknown id (validation refuses it first).</summary>
    internal static TimeZoneInfo ZoneOf(string? id) => Core.TimeZones.Find(id) ?? TimeZoneInfo.Utc;

    internal static bool IsValidCron(string? cron) => cron is not null && CronExpression.TryParse(cron, out _);

    internal static bool IsKnownZone(string? zone) => Core.TimeZones.Find(zone) is not null;
}

[OptionsValidator]
public sealed partial class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>;
