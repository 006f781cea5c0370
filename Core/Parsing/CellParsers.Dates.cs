using System.Text.RegularExpressions;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Parsing;

// Date and year cells: Excel dates and serial numbers, French date texts, month and year.
public static partial class CellParsers
{
    /// <summary>
    /// An Excel date, an Excel serial number (1900 system: 1 = 01/01/1900, 60 = the 29/02/1900 Excel invents, refused)
    /// or a text jj/mm/aaaa (also j/m/aaaa, jj-mm-aaaa, jj.mm.aaaa, aaaa-mm-jj, a time part ignored). Code: DATE_FORMAT.
    /// </summary>
    public static Parsed<DateOnly> Date(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        const string expected = "date jj/mm/aaaa attendue";
        switch (cell.Value)
        {
            case DateTime dt:
                return Parsed<DateOnly>.Ok(DateOnly.FromDateTime(dt));
            case double serial:
                if (double.IsNaN(serial) || serial < 1 || serial >= 2_958_466)
                {
                    return Parsed<DateOnly>.Fail(IssueCodes.DateFormat, expected);
                }

                int day = (int)Math.Floor(serial);
                if (day == 60)
                {
                    return Parsed<DateOnly>.Fail(IssueCodes.DateFormat, "le 29/02/1900 n'existe pas");
                }

                DateOnly origin = day < 60 ? new DateOnly(1899, 12, 31) : new DateOnly(1899, 12, 30);
                return Parsed<DateOnly>.Ok(origin.AddDays(day));
            case string s:
                string text = StructuredText(s);
                if (text.Length == 5 && text.All(char.IsAsciiDigit))
                {
                    // a serial number kept as text (10000 = 1927, 99999 = 2173): what a date becomes through a text export
                    return Date(new Cell(cell.Row, cell.Column, double.Parse(text, Invariant)));
                }

                return ParseDateText(text) is { } date
                    ? Parsed<DateOnly>.Ok(date)
                    : Parsed<DateOnly>.Fail(IssueCodes.DateFormat, expected);
            default:
                return Parsed<DateOnly>.Fail(IssueCodes.DateFormat, expected);
        }
    }

    /// <summary>
    /// A year: a number (2023), a 4-digit text (also "2 024", "2024.0"), a date (its year), a date text or a month and
    /// year ("09/2023", "sept. 2023"). A date cell of 1902–1927 is the year typed in a cell formatted as a date (2024
    /// shows as 16/07/1905): its serial number is the year. Anything that is not a 4-digit year (1000–9999) is
    /// YEAR_INVALID; the campaign range is the caller's check.
    /// </summary>
    public static Parsed<int> Year(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        int? year = cell.Value switch
        {
            double d when d == Math.Floor(d) && d is >= 1000 and <= 9999 => (int)d,
            DateTime dt when YearTypedInDateCell(dt) is { } typed => typed,
            DateTime dt => dt.Year,
            string s => YearOfText(StructuredText(s)),
            _ => null,
        };
        if (year is >= 1000 and <= 9999)
        {
            return Parsed<int>.Ok(year.Value);
        }

        return cell.Value is string text && YearRange().Match(StructuredText(text)) is { Success: true } range
            ? Parsed<int>.Fail(IssueCodes.YearInvalid, $"une seule année attendue : indiquez la plus récente, {LaterYear(range)}")
            : Parsed<int>.Fail(IssueCodes.YearInvalid, "année sur 4 chiffres attendue");
    }

    /// <summary>"2024", "2 024", "2024.0", a date text or a month and year ("09/2023", "septembre 2023"); null otherwise.</summary>
    private static int? YearOfText(string text)
    {
        string compact = RemoveSpaces(text) ?? "";
        if (DecimalZeroSuffix().Match(compact) is { Success: true } zero)
        {
            compact = zero.Groups[1].Value;
        }

        if (compact.Length == 4 && compact.All(char.IsAsciiDigit))
        {
            return int.Parse(compact, Invariant);
        }

        if (ParseDateText(text) is { } date)
        {
            return date.Year;
        }

        if (MonthYear().Match(text) is { Success: true } numeric && int.Parse(numeric.Groups["m"].Value, Invariant) is >= 1 and <= 12)
        {
            return int.Parse(numeric.Groups["y"].Value, Invariant);
        }

        return MonthNameYear().Match(Fold(text)) is { Success: true } named && FrenchMonths.Any(names => names.Contains(named.Groups["m"].Value))
            ? int.Parse(named.Groups["y"].Value, Invariant)
            : null;
    }

    /// <summary>The serial number of a date cell of 1902–1927 with no time: a year typed in a cell formatted as a date.</summary>
    private static int? YearTypedInDateCell(DateTime dt)
    {
        if (dt.TimeOfDay != TimeSpan.Zero)
        {
            return null;
        }

        int serial = (DateOnly.FromDateTime(dt).DayNumber - new DateOnly(1899, 12, 30).DayNumber);
        return serial is >= 1900 and <= 2199 ? serial : null;
    }

    /// <summary>"2024-2025", "2024/25", "2024 à 2025": the later year of the span, written in full.</summary>
    private static int LaterYear(Match range)
    {
        int first = int.Parse(range.Groups["a"].Value, Invariant);
        string second = range.Groups["b"].Value;
        int other = second.Length == 2 ? (first / 100 * 100) + int.Parse(second, Invariant) : int.Parse(second, Invariant);
        return Math.Max(first, other);
    }

    private static DateOnly? ParseDateText(string text)
    {
        Match match = DayFirstDate().Match(text);
        (string day, string month, string year) parts;
        if (match.Success)
        {
            parts = (match.Groups["d"].Value, match.Groups["m"].Value, match.Groups["y"].Value);
        }
        else if ((match = IsoDate().Match(text)).Success)
        {
            parts = (match.Groups["d"].Value, match.Groups["m"].Value, match.Groups["y"].Value);
        }
        else if ((match = FrenchLongDate().Match(Fold(text))).Success
                 && Array.FindIndex(FrenchMonths, names => names.Contains(match.Groups["m"].Value)) is var month and >= 0)
        {
            parts = (match.Groups["d"].Value, (month + 1).ToString(Invariant), match.Groups["y"].Value);
        }
        else
        {
            return null;
        }

        int d = int.Parse(parts.day, Invariant);
        int m = int.Parse(parts.month, Invariant);
        int y = int.Parse(parts.year, Invariant);

        return m is >= 1 and <= 12 && y >= 1 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    /// <summary>French month names and their usual abbreviations, folded (lower case, no accents), January first.</summary>
    private static readonly string[][] FrenchMonths =
    [
        ["janvier", "janv", "jan"], ["fevrier", "fevr", "fev"], ["mars", "mar"], ["avril", "avr"], ["mai"], ["juin"],
        ["juillet", "juil"], ["aout"], ["septembre", "sept", "sep"], ["octobre", "oct"], ["novembre", "nov"], ["decembre", "dec"],
    ];

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s*[/.\-]\s*(?<m>[0-9]{1,2})\s*[/.\-]\s*(?<y>[0-9]{4})(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstDate();

    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*[/.\-]\s*(?<m>[0-9]{1,2})\s*[/.\-]\s*(?<d>[0-9]{1,2})(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    /// <summary>« 1er janvier 2029 », « lundi 30 juin 2028 », « 30-juin-2028 », « 1 janv. 2029 » (folded text).</summary>
    [GeneratedRegex(@"^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?<d>[0-9]{1,2})(?:er|e)?\s*[\s\-./]\s*(?<m>[a-z]+)\.?\s*[\s\-./]?\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex FrenchLongDate();

    [GeneratedRegex(@"^(?<a>[0-9]{4})\s*(?:-|/|a|au|à)\s*(?<b>[0-9]{4}|[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearRange();

    /// <summary>"09/2023", "9-2023", "09.2023".</summary>
    [GeneratedRegex(@"^(?<m>[0-9]{1,2})\s*[/.\-]\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    /// <summary>"septembre 2023", "sept. 2023", "sept-2023" (folded text).</summary>
    [GeneratedRegex(@"^(?<m>[a-z]+)\.?\s*[\-./]?\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameYear();
}
