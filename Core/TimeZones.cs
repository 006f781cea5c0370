namespace CleaNum.Core;

/// <summary>
/// The one time-zone resolver (ParisTime, the consolidation cron): an IANA id ("Europe/Paris") or a Windows id
/// ("Romance Standard Time"), whichever the machine knows. Windows without ICU (Server 2012 R2 / 2016, or
/// <c>InvariantGlobalization</c>) knows only Windows ids, and a Linux host without ICU only IANA ids: the id is
/// tried as given, then converted (.NET's IANA ↔ Windows table), then through the built-in pairs below.
/// </summary>
public static class TimeZones
{
    /// <summary>Pairs that must work even where .NET cannot convert (no ICU): the zones a French network uses.</summary>
    private static readonly (string Iana, string Windows)[] KnownPairs =
    [
        ("Europe/Paris", "Romance Standard Time"),
        ("Europe/Brussels", "Romance Standard Time"),
        ("America/Guadeloupe", "SA Western Standard Time"),
        ("America/Martinique", "SA Western Standard Time"),
        ("America/Cayenne", "SA Eastern Standard Time"),
        ("Indian/Reunion", "Mauritius Standard Time"),
        ("Indian/Mayotte", "E. Africa Standard Time"),
        ("Pacific/Noumea", "Central Pacific Standard Time"),
        ("Pacific/Tahiti", "Hawaiian Standard Time"),
        ("UTC", "UTC"),
    ];

    /// <summary>The zone, or null when neither the id nor any equivalent is known here.</summary>
    public static TimeZoneInfo? Find(string? id) => Find(id, SystemLookup);

    /// <summary><see cref="Find(string?)"/> with the machine's lookup replaced (tests play a Windows without ICU).</summary>
    public static TimeZoneInfo? Find(string? id, Func<string, TimeZoneInfo?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        id = id.Trim();
        foreach (string candidate in Candidates(id))
        {
            if (lookup(candidate) is { } zone)
            {
                return zone;
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string id)
    {
        yield return id;
        if (TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out string? windows))
        {
            yield return windows;
        }

        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out string? iana))
        {
            yield return iana;
        }

        foreach ((string pairIana, string pairWindows) in KnownPairs)
        {
            if (string.Equals(pairIana, id, StringComparison.OrdinalIgnoreCase))
            {
                yield return pairWindows;
            }
            else if (string.Equals(pairWindows, id, StringComparison.OrdinalIgnoreCase))
            {
                yield return pairIana;
            }
        }
    }

    private static TimeZoneInfo? SystemLookup(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out TimeZoneInfo? zone) ? zone : null;
}
