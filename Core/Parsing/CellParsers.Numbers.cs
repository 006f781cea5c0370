using System.Globalization;
using System.Text.RegularExpressions;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Parsing;

// Count cells: whole non-negative numbers, also "4 personnes".
public static partial class CellParsers
{
    /// <summary>
    /// A non-negative integer: 3, 3.0, "3", " 3 ", "1 200", "3,0", "4 personnes" (a whole number followed by the word
    /// counted). An approximation ("≈ 12", "environ 12", "12+") is not a count. Code: NUMBER_FORMAT.
    /// </summary>
    public static Parsed<int> Count(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        double? number = cell.Value switch
        {
            double d => d,
            string s when CountWithUnit().Match(Fold(StructuredText(s))) is { Success: true } unit => double.Parse(unit.Groups[1].Value, Invariant),
            string s when double.TryParse(
                RemoveSpaces(StructuredText(s))?.Replace(',', '.'),
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                Invariant,
                out double parsed) => parsed,
            _ => null,
        };
        if (number is not { } n || double.IsNaN(n))
        {
            return Parsed<int>.Fail(IssueCodes.NumberFormat, "nombre entier attendu");
        }

        if (n < 0)
        {
            return Parsed<int>.Fail(IssueCodes.NumberFormat, "nombre positif ou nul attendu");
        }

        return n == Math.Floor(n) && n <= int.MaxValue
            ? Parsed<int>.Ok((int)n)
            : Parsed<int>.Fail(IssueCodes.NumberFormat, "nombre entier attendu");
    }

    /// <summary>"4 personnes", "3 évaluateurs", "12 pers." (folded text).</summary>
    [GeneratedRegex(@"^([0-9]{1,9})\s*(?:personnes?|pers\.?|evaluateurs?|evaluatrices?|formateurs?|formatrices?|salaries?|stagiaires?|candidats?|intervenants?|beneficiaires?|apprenants?)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountWithUnit();
}
