using CleaNum.Core.Parsing;

namespace CleaNum.Core.Validation;

/// <summary>YEAR_INVALID range: 1990 … campaign year (a year that does not parse is the format rule's business).</summary>
internal static class YearRange
{
    public const int First = 1990;

    public static bool IsValid(SheetRecord record, string key, ValidationSettings settings) =>
        !record.TryParse(key, out int year) || (year >= First && year <= settings.CampaignYear);

    public static string Message(SheetRecord record, string key, ValidationSettings settings)
    {
        string text = record.Text(key) ?? "";
        string shown = record.TryParse(key, out int year) && !text.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? $"{year} (« {text} »)"
            : $"« {text} »";
        return $"L'année {shown} n'est pas plausible : elle doit être comprise entre {First} et {settings.CampaignYear}.";
    }
}
