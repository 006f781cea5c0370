namespace CleaNum.Core;

/// <summary>
/// Wall-clock time in Paris, where the network heads and members are: dates in reports and file names, the campaign
/// year. Resolved once from the time-zone database (IANA or Windows id), with CET as a last resort so dates never fall
/// back to UTC silently.
/// </summary>
public static class ParisTime
{
    private static readonly Lazy<TimeZoneInfo> ParisZone = new(() =>
    {
        foreach (string id in new[] { "Europe/Paris", "Romance Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out TimeZoneInfo? zone))
            {
                return zone;
            }
        }

        // No time-zone database at all: CET, so file names stay those of Paris.
        return TimeZoneInfo.CreateCustomTimeZone("Europe/Paris", TimeSpan.FromHours(1), "Paris", "Paris");
    });

    public static TimeZoneInfo Zone => ParisZone.Value;

    public static DateTime ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateTime ToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
