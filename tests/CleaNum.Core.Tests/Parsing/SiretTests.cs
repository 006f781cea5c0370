using CleaNum.Core.Parsing;

namespace CleaNum.Core.Tests.Parsing;

public sealed class SiretTests
{
    public static TheoryData<string, IdentifierVerdict> Vectors => StdnumVectors.SiretVectors;

    /// <summary>tests/test_fr_siret.doctest of python-stdnum: "found online and should all be valid numbers".</summary>
    public static TheoryData<string> StdnumDoctestValid => new()
    {
        "0 5 7 8 1 3 1 3 1 0 0 0 2 6", "1 800 700 39 00 110", "2 00 03 00 13 000 11", "2 101 005 33 000 12",
        "2 777 000 43 000 15", "3 1 0 1 8 8 4 2 0 00 0 8 0", "3 12 494 529 000 34", "3 24 34 54 20 000 40",
        "30206838200050", "314 901 323 00043", "31719324100013", "32228438100017", "32650798500058", "32738082000032",
        "329.338.88300153", "32929695800039", "33770320100034", "34530016400018", "380 321 430 00023",
        "38446899700034", "38536958200023", "389 011 529 00036", "38981890700203", "39039475700020",
        "39102766100050", "4 0 0 9 0 8 5 0 5 0 0 0 11", "4 0 3 3 1 4 6 6 9 0 0 0 4 1", "4 0 9 0 8 5 2 1 4 0 0 0 2 4",
        "4 2 0 3 0 9 6 2 7 0 0 0 3 2", "4 4 3 4 8 9 2 7 3 0 0 0 1 3", "4 4 3 5 4 9 8 7 8 0 0 0 4 1",
        "4 8 2 7 8 1 9 11 0 0 0 11", "40300300700032", "44126652500019", "44142526100019", "44796433900017",
        "479 461 675 00049", "5 12 326 653 000 15", "5 17 758 173 000 10", "50397442000021", "513 133 637 000 35",
        "52524288900042", "542 097 324 0006 6", "652 059 213 00023", "7 7821 0526 00019", "775.563.232.00104",
        "778 239 798 000 11", "79068156300017", "8 1 0 2 4 7 3 8 7 0 0 0 1 4", "8 1002665800015", "8 21 114 55000014",
    };

    [Theory]
    [MemberData(nameof(StdnumDoctestValid))]
    public void Does_accept_stdnum_doctest_numbers_when_valid(string number)
    {
        IdentifierVerdict verdict = Siret.Check(number);

        Assert.Equal(IdentifierVerdict.Valid, verdict);
    }

    [Theory]
    [InlineData("73282932000074", IdentifierVerdict.Valid)] // module docstring
    [InlineData("73282932000079", IdentifierVerdict.InvalidChecksum)] // module docstring
    [InlineData("356 000 000 09075", IdentifierVerdict.Valid)] // La Poste, doctest
    [InlineData("35600000000048", IdentifierVerdict.Valid)] // La Poste head office (Luhn), doctest
    [InlineData("35600000049837", IdentifierVerdict.Valid)] // La Poste, digit sum 45, doctest
    [InlineData("35600000049838", IdentifierVerdict.InvalidChecksum)] // La Poste, digit sum 46, doctest
    [InlineData("35600000000049", IdentifierVerdict.InvalidChecksum)] // La Poste, sum 23 (and fails Luhn)
    [InlineData("35600000000056", IdentifierVerdict.Valid)] // sum 25: the rule, not Luhn, applies
    [InlineData("11122233344455", IdentifierVerdict.InvalidChecksum)] // Luhn passes on 14, fails on the SIREN part
    public void Does_give_stdnum_verdict_for_documented_cases(string number, IdentifierVerdict expected)
    {
        IdentifierVerdict verdict = Siret.Check(number);

        Assert.Equal(expected, verdict);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Does_give_stdnum_verdict_when_input_is_tricky(string number, IdentifierVerdict expected)
    {
        IdentifierVerdict verdict = Siret.Check(number);

        Assert.Equal(expected, verdict);
    }

    [Fact]
    public void Does_format_like_stdnum()
    {
        string formatted = Siret.Format("73282932000074");

        Assert.Equal("732 829 320 00074", formatted);
    }

    [Theory]
    [InlineData("732.829.320.00074", "732 829 320 00074")]
    [InlineData("7328293200007", "7328293200007")] // not 14 digits: shown as given
    [InlineData(null, "")]
    public void Does_show_a_value_that_is_not_fourteen_digits_as_given(string? siret, string expected)
    {
        Assert.Equal(expected, Siret.Format(siret));
    }

    [Fact]
    public void Does_agree_with_an_independent_implementation_on_random_numbers()
    {
        var random = new Random(20_240_601);
        int valid = 0;
        int laPoste = 0;
        for (int i = 0; i < 20_000; i++)
        {
            char[] digits = new char[14];
            for (int j = 0; j < 14; j++)
            {
                digits[j] = (char)('0' + random.Next(10));
            }

            // A quarter of the cases are La Poste numbers, to exercise the digit-sum rule.
            if (i % 4 == 0)
            {
                "356000000".CopyTo(0, digits, 0, 9);
                laPoste++;
            }

            // Every third case gets its last digit fixed so that the 14-digit Luhn passes.
            if (i % 3 == 0)
            {
                digits[13] = '0';
                digits[13] = (char)('0' + ((10 - (TableLuhn.Sum(digits) % 10)) % 10));
            }

            string number = new(digits);
            IdentifierVerdict expected = Independent(number);

            IdentifierVerdict verdict = Siret.Check(number);

            Assert.True(expected == verdict, $"{number}: expected {expected}, got {verdict}");
            if (verdict == IdentifierVerdict.Valid)
            {
                valid++;
            }
        }

        Assert.InRange(valid, 500, 19_000); // both branches were exercised
        Assert.Equal(5_000, laPoste);
    }

    /// <summary>SIRET rule written differently: table-driven Luhn, La Poste by digit sum, SIREN part by the same table.</summary>
    private static IdentifierVerdict Independent(string number)
    {
        bool laPoste = number.StartsWith("356000000", StringComparison.Ordinal) && number != "35600000000048";
        bool fullOk = laPoste ? number.Sum(c => c - '0') % 5 == 0 : TableLuhn.Sum(number.ToCharArray()) % 10 == 0;
        bool sirenOk = TableLuhn.Sum(number[..9].ToCharArray()) % 10 == 0;
        return fullOk && sirenOk ? IdentifierVerdict.Valid : IdentifierVerdict.InvalidChecksum;
    }

    private static class TableLuhn
    {
        // Value of a digit at an even position from the right (0-based: odd index from the right is doubled).
        private static readonly int[][] Table = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 2, 4, 6, 8, 1, 3, 5, 7, 9]];

        public static int Sum(char[] digits)
        {
            int sum = 0;
            for (int fromRight = 0; fromRight < digits.Length; fromRight++)
            {
                sum += Table[fromRight & 1][digits[digits.Length - 1 - fromRight] - '0'];
            }

            return sum;
        }
    }
}
