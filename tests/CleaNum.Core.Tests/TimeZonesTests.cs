namespace CleaNum.Core.Tests;

public sealed class TimeZonesTests
{
    /// <summary>A Windows server without ICU (2012 R2, 2016): only Windows ids exist, and .NET cannot convert.</summary>
    private static TimeZoneInfo? WindowsWithoutIcu(string id) =>
        id.Contains('/', StringComparison.Ordinal) ? null
        : TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out TimeZoneInfo? paris) && id == "Romance Standard Time" ? paris : null;

    [Fact]
    public void Finds_europe_paris_on_a_windows_server_without_icu()
    {
        TimeZoneInfo? zone = TimeZones.Find("Europe/Paris", WindowsWithoutIcu);

        Assert.NotNull(zone);
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(new DateTime(2025, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(new DateTime(2025, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("Romance Standard Time")]
    [InlineData(" Europe/Paris ")]
    public void Finds_paris_by_either_id_on_this_machine(string id)
    {
        TimeZoneInfo? zone = TimeZones.Find(id);

        Assert.NotNull(zone);
        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(new DateTime(2025, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    public void Returns_null_for_an_unknown_zone(string? id) => Assert.Null(TimeZones.Find(id));

    [Fact]
    public void Paris_time_uses_the_same_resolver()
    {
        Assert.Equal(new DateTime(2025, 7, 15, 14, 0, 0), ParisTime.ToParis(new DateTime(2025, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }
}
