using System.Globalization;
using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;
using FsCheck.Xunit;

namespace CleaNum.Core.Tests.Properties;

/// <summary>Properties of the identifier and postal-code rules, over inputs FsCheck draws (seeded per run, the seed is
/// printed on failure).</summary>
public sealed class IdentifierProperties
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The digit that makes <paramref name="body"/> + digit pass Luhn.</summary>
    private static char LuhnDigit(string body)
    {
        int sum = 0;
        for (int i = 0; i < body.Length; i++)
        {
            int d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static string Digits(ulong value, int length) =>
        (value % (ulong)Math.Pow(10, length)).ToString(new string('0', length), Invariant);

    [Property(MaxTest = 300)]
    public bool A_siren_with_its_luhn_digit_is_valid_and_every_other_last_digit_is_a_checksum_error(ulong seed)
    {
        string body = Digits(seed, 8);
        char check = LuhnDigit(body);

        return Siren.Check(body + check) == IdentifierVerdict.Valid
               && "0123456789".Where(d => d != check).All(d => Siren.Check(body + d) == IdentifierVerdict.InvalidChecksum);
    }

    [Property(MaxTest = 300)]
    public bool A_siret_of_a_valid_siren_with_its_luhn_digit_is_valid_and_reads_back_from_a_numeric_cell(ulong seed, ushort establishment)
    {
        string sirenBody = Digits(seed, 8);
        string siren = sirenBody + LuhnDigit(sirenBody);
        if (siren == Siret.LaPosteSiren || siren.StartsWith("00", StringComparison.Ordinal))
        {
            return true; // La Poste has its own rule (next property); Excel keeps no two leading zeros of a number
        }

        string body = siren + Digits(establishment, 4);
        string siret = body + LuhnDigit(body);
        Parsed<string> fromNumber = CellParsers.Siret(new Cell(2, 1, double.Parse(siret, Invariant)));

        return Siret.Check(siret) == IdentifierVerdict.Valid
               && fromNumber.IsOk && fromNumber.Value == siret // a leading zero Excel dropped is put back
               && Siret.Format(siret).Replace(" ", "", StringComparison.Ordinal) == siret;
    }

    [Property(MaxTest = 300)]
    public bool A_la_poste_establishment_is_valid_when_its_digits_sum_to_a_multiple_of_five(ushort establishment, byte last)
    {
        string body = Siret.LaPosteSiren + Digits(establishment, 4);
        string siret = body + (char)('0' + (last % 10));
        bool sumRule = siret.Sum(c => c - '0') % 5 == 0;

        IdentifierVerdict verdict = Siret.Check(siret);

        return siret == Siret.LaPosteHeadOffice
            ? verdict == IdentifierVerdict.Valid
            : verdict == (sumRule ? IdentifierVerdict.Valid : IdentifierVerdict.InvalidChecksum);
    }

    [Property(MaxTest = 300)]
    public bool A_numeric_postal_code_of_three_to_five_digits_is_padded_to_five(int value)
    {
        int code = 100 + (int)((uint)value % 99_900);

        Parsed<string> parsed = CellParsers.PostalCode(new Cell(2, 1, (double)code));

        return parsed.IsOk && parsed.Value == code.ToString("D5", Invariant);
    }

    [Property(MaxTest = 300)]
    public bool A_typed_postal_code_is_accepted_exactly_when_it_holds_five_digits(ulong seed, byte length, byte spaceAt)
    {
        string digits = Digits(seed, 1 + (length % 8));
        string typed = digits.Insert(spaceAt % (digits.Length + 1), " ");

        Parsed<string> parsed = CellParsers.PostalCode(new Cell(2, 1, typed));

        return digits.Length == 5
            ? parsed.IsOk && parsed.Value == digits
            : !parsed.IsOk && parsed.ErrorCode == IssueCodes.PostalCodeFormat;
    }
}
