namespace CleaNum.Core;

/// <summary>
/// Wall-clock time in Paris, where the network heads and members are: dates in reports and file names, the campaign
/// year. Resolved once from the time-zone database (IANA or Windows id), with CET as a last resort so dates never fall
/// back to UTC silently.
/// </summary>
public static class ParisTime
{
    private static readonly Lazy<TimeZoneInfo> ParisZone = new(() =>
        // the same resolver as the consolidation cron (IANA or Windows id, with or without ICU); with no time-zone
        // database at all: CET, so file names stay those of Paris.
        TimeZones.Find("Europe/Paris")
        ?? TimeZoneInfo.CreateCustomTimeZone("Europe/Paris", TimeSpan.FromHours(1), "Paris", "Paris"));

    public static TimeZoneInfo Zone => ParisZone.Value;

    public static DateTime ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateTime ToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
