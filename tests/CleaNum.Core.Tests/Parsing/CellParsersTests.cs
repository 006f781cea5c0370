using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Tests.Parsing;

public sealed class CellParsersTests
{
    private static Cell C(object? value) => new(7, 1, value);

    // ---- Text

    [Theory]
    [InlineData(73282932000074d, "73282932000074")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(3d, "3")]
    [InlineData(-12d, "-12")]
    [InlineData(2.5d, "2.5")]
    [InlineData(0.1d, "0.1")]
    public void Does_print_numbers_without_exponent_when_integral(double value, string expected)
    {
        Assert.Equal(expected, CellParsers.Text(C(value)));
    }

    [Fact]
    public void Does_print_text_date_and_boolean_as_a_person_reads_them()
    {
        Assert.Equal("abc", CellParsers.Text(C("  abc \t")));
        Assert.Equal("05/03/2024", CellParsers.Text(C(new DateTime(2024, 3, 5, 14, 0, 0, DateTimeKind.Unspecified))));
        Assert.Equal("Oui", CellParsers.Text(C(true)));
        Assert.Equal("Non", CellParsers.Text(C(false)));
        Assert.Null(CellParsers.Text(C("   ")));
        Assert.Null(CellParsers.Text(C(null)));
        Assert.Null(CellParsers.Text(null));
    }

    // ---- SIREN / SIRET

    [Theory]
    [InlineData("732829320")]
    [InlineData("732 829 320")]
    [InlineData("732.829.320")]
    [InlineData("732\u00A0829\u00A0320")]
    [InlineData("732\u202F829\u202F320")]
    [InlineData(" 732829320 ")]
    public void Does_accept_siren_text_when_valid(string text)
    {
        Parsed<string> parsed = CellParsers.Siren(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal("732829320", parsed.Value);
    }

    [Fact]
    public void Does_convert_numeric_siren_exactly_and_pad_lost_zero()
    {
        Assert.Equal("732829320", CellParsers.Siren(C(732829320d)).Value);
        Assert.Equal("057813131", CellParsers.Siren(C(57813131d)).Value); // Excel dropped the leading zero
    }

    [Theory]
    [InlineData("732829321", IssueCodes.SirenChecksum)]
    [InlineData("73282932", IssueCodes.SirenFormat)]
    [InlineData("7328293A0", IssueCodes.SirenFormat)]
    [InlineData("732-829-320", IssueCodes.SirenFormat)]
    [InlineData("73282932000074", IssueCodes.SirenFormat)]
    [InlineData("7,32829E+8", IssueCodes.IdentifierPrecisionLost)]
    public void Does_reject_siren_text(string text, string code)
    {
        Parsed<string> parsed = CellParsers.Siren(C(text));

        Assert.Equal(code, parsed.ErrorCode);
        Assert.False(string.IsNullOrEmpty(parsed.Detail));
    }

    [Fact]
    public void Does_say_how_many_digits_were_found_when_siren_length_is_wrong()
    {
        Assert.Equal("9 chiffres attendus, 8 trouvés", CellParsers.Siren(C("73282932")).Detail);
    }

    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    [InlineData("732\u202F829\u202F320\u202F00074")]
    [InlineData("732.829.320.00074")]
    public void Does_accept_siret_text_when_valid(string text)
    {
        Parsed<string> parsed = CellParsers.Siret(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal("73282932000074", parsed.Value);
    }

    [Fact]
    public void Does_convert_numeric_siret_exactly()
    {
        Parsed<string> parsed = CellParsers.Siret(C(73282932000074d));

        Assert.True(parsed.IsOk);
        Assert.Equal("73282932000074", parsed.Value);
    }

    [Fact]
    public void Does_pad_numeric_siret_when_excel_dropped_the_leading_zero()
    {
        Parsed<string> parsed = CellParsers.Siret(C(5781313100026d));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal("05781313100026", parsed.Value);
    }

    [Theory]
    [InlineData("7,32829E+13")]
    [InlineData("7.32829E+13")]
    [InlineData("7,32829320000740E+13")]
    [InlineData(" 7.3E13 ")]
    public void Does_report_precision_lost_when_siret_text_is_scientific(string text)
    {
        Assert.Equal(IssueCodes.IdentifierPrecisionLost, CellParsers.Siret(C(text)).ErrorCode);
    }

    [Theory]
    [InlineData(73282932000074.5)]
    [InlineData(1e15)]
    [InlineData(7.32829e19)]
    [InlineData(73282900000000d)] // 7,32829E+13 typed back, or a CSV round trip: the last 8 digits are gone
    [InlineData(7328290000000d)] // 13 digits, same
    public void Does_report_precision_lost_when_siret_number_cannot_be_exact(double value)
    {
        Assert.Equal(IssueCodes.IdentifierPrecisionLost, CellParsers.Siret(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData("732829320")]
    [InlineData("732 829 320")]
    public void Does_report_siret_is_siren_when_nine_digits_are_given(string text)
    {
        Assert.Equal(IssueCodes.SiretIsSiren, CellParsers.Siret(C(text)).ErrorCode);
        Assert.Equal(IssueCodes.SiretIsSiren, CellParsers.Siret(C(732829320d)).ErrorCode);
    }

    [Theory]
    [InlineData("73282932000079", IssueCodes.SiretChecksum, "clé de contrôle invalide")]
    [InlineData("35600000049838", IssueCodes.SiretChecksum, "clé de contrôle invalide")]
    [InlineData("7328293200007", IssueCodes.SiretFormat, "14 chiffres attendus, 13 trouvés")]
    [InlineData("7328293200007A", IssueCodes.SiretFormat, null)]
    [InlineData("", IssueCodes.SiretFormat, null)]
    public void Does_reject_siret_text(string text, string code, string? detail)
    {
        Parsed<string> parsed = CellParsers.Siret(C(text));

        Assert.Equal(code, parsed.ErrorCode);
        if (detail is not null)
        {
            Assert.Equal(detail, parsed.Detail);
        }
    }

    [Fact]
    public void Does_reject_siret_when_cell_is_a_date_or_boolean()
    {
        Assert.Equal(IssueCodes.SiretFormat, CellParsers.Siret(C(true)).ErrorCode);
        Assert.Equal(IssueCodes.SiretFormat, CellParsers.Siret(C(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified))).ErrorCode);
        Assert.Equal(IssueCodes.SiretFormat, CellParsers.Siret(C(-73282932000074d)).ErrorCode);
    }

    // ---- Postal code

    [Theory]
    [InlineData("75008", "75008")]
    [InlineData(" 75 008 ", "75008")]
    [InlineData("75\u00A0008", "75008")]
    [InlineData(1000d, "01000")]
    [InlineData(75008d, "75008")]
    [InlineData(971d, "00971")]
    public void Does_normalise_postal_code(object value, string expected)
    {
        Parsed<string> parsed = CellParsers.PostalCode(C(value));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("750")]
    [InlineData("7500")]
    [InlineData("1000")]
    [InlineData("750080")]
    [InlineData("75OO8")]
    [InlineData("Paris")]
    [InlineData(99d)]
    [InlineData(100000d)]
    [InlineData(7500.5)]
    [InlineData(true)]
    public void Does_reject_postal_code(object value)
    {
        Assert.Equal(IssueCodes.PostalCodeFormat, CellParsers.PostalCode(C(value)).ErrorCode);
    }

    // ---- NAF

    [Theory]
    [InlineData("85.59A", "85.59A")]
    [InlineData("8559A", "85.59A")]
    [InlineData("85 59 A", "85.59A")]
    [InlineData("85.59a", "85.59A")]
    [InlineData(" 70.22Z ", "70.22Z")]
    [InlineData("46.87Y", "46.87Y")] // NAF 2025
    [InlineData("85-59-B", "85.59B")]
    public void Does_normalise_naf(string text, string expected)
    {
        Parsed<string> parsed = CellParsers.Naf(C(text));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("85.59")]
    [InlineData("855A")]
    [InlineData("804C")] // NAF rév. 1
    [InlineData("85.59AB")]
    [InlineData("Formation")]
    [InlineData(85.59)]
    public void Does_reject_naf(object value)
    {
        Assert.Equal(IssueCodes.NafFormat, CellParsers.Naf(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData("85.59A", true)]
    [InlineData("85.59B", true)]
    [InlineData("85.32Z", true)]
    [InlineData("70.22Z", true)]
    [InlineData("70.20Y", true)]
    [InlineData("78.10Z", true)]
    [InlineData("88.99B", true)]
    [InlineData("88.99A", false)]
    [InlineData("62.01Z", false)]
    [InlineData("70.10Z", false)]
    [InlineData("nonsense", false)]
    public void Does_tell_training_related_naf(string code, bool expected)
    {
        Assert.Equal(expected, Naf.IsTrainingRelated(code));
    }

    // ---- NDA

    [Theory]
    [InlineData("11 75 12345 75", "11751234575")]
    [InlineData("11751234575", "11751234575")]
    [InlineData("11.75.12345.75", "11751234575")]
    [InlineData("11-75-12345-75", "11751234575")]
    [InlineData(11751234575d, "11751234575")]
    [InlineData(4971234597d, "04971234597")] // overseas: the leading 0 of région 04 was dropped
    public void Does_normalise_nda(object value, string expected)
    {
        Parsed<string> parsed = CellParsers.Nda(C(value));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("1175123457")]
    [InlineData("117512345750")]
    [InlineData("11 75 1234A 75")]
    [InlineData(1.1751234575e10 + 0.5)]
    [InlineData(true)]
    public void Does_reject_nda(object value)
    {
        Assert.Equal(IssueCodes.NdaFormat, CellParsers.Nda(C(value)).ErrorCode);
    }

    // ---- Email, phone, URL

    [Theory]
    [InlineData("contact@organisme.fr")]
    [InlineData(" prenom.nom+cv@sous.domaine-x.com ")]
    [InlineData("mailto:contact@organisme.fr")]
    public void Does_accept_email(string text)
    {
        Assert.True(CellParsers.Email(C(text)).IsOk);
    }

    [Theory]
    [InlineData("contact@organisme")]
    [InlineData("contact.organisme.fr")]
    [InlineData("contact@@organisme.fr")]
    [InlineData("con tact@organisme.fr")]
    [InlineData("contact@organisme..fr")]
    [InlineData(".contact@organisme.fr")]
    public void Does_reject_email(string text)
    {
        Assert.Equal(IssueCodes.EmailFormat, CellParsers.Email(C(text)).ErrorCode);
    }

    [Theory]
    [InlineData("01 23 45 67 89", "01 23 45 67 89")]
    [InlineData("0123456789", "01 23 45 67 89")]
    [InlineData("01.23.45.67.89", "01 23 45 67 89")]
    [InlineData("01-23-45-67-89", "01 23 45 67 89")]
    [InlineData("+33 1 23 45 67 89", "01 23 45 67 89")]
    [InlineData("+33 (0)1 23 45 67 89", "01 23 45 67 89")]
    [InlineData("0033 6 12 34 56 78", "06 12 34 56 78")]
    [InlineData("+262 692 12 34 56", "06 92 12 34 56")]
    [InlineData(123456789d, "01 23 45 67 89")]
    [InlineData(33123456789d, "01 23 45 67 89")]
    public void Does_normalise_french_phone(object value, string expected)
    {
        Parsed<string> parsed = CellParsers.Phone(C(value));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("01 23 45 67")]
    [InlineData("1234567890")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+33 01 23 45 67 89")]
    [InlineData("00 00 00 00 00")]
    [InlineData("tél. bureau")]
    public void Does_keep_value_with_warning_when_phone_is_malformed(string text)
    {
        Parsed<string> parsed = CellParsers.Phone(C(text));

        Assert.Equal(IssueCodes.PhoneFormat, parsed.ErrorCode);
        Assert.Equal(text.Trim(), parsed.Value);
    }

    [Theory]
    [InlineData("https://www.organisme.fr")]
    [InlineData("http://organisme.fr/formations?x=1")]
    [InlineData("www.organisme.fr")]
    [InlineData("organisme.fr")]
    [InlineData("https://www.école-numérique.fr")]
    public void Does_accept_url(string text)
    {
        Parsed<string> parsed = CellParsers.Url(C(text));

        Assert.True(parsed.IsOk);
        Assert.Equal(text, parsed.Value);
    }

    [Theory]
    [InlineData("www organisme fr")]
    [InlineData("organisme")]
    [InlineData("ftp://organisme.fr")]
    [InlineData("néant")]
    public void Does_keep_value_with_warning_when_url_is_malformed(string text)
    {
        Parsed<string> parsed = CellParsers.Url(C(text));

        Assert.Equal(IssueCodes.UrlFormat, parsed.ErrorCode);
        Assert.Equal(text, parsed.Value);
    }

    // ---- Date, year, count

    [Theory]
    [InlineData("05/03/2024")]
    [InlineData("5/3/2024")]
    [InlineData("05-03-2024")]
    [InlineData("05.03.2024")]
    [InlineData("2024-03-05")]
    [InlineData("05/03/2024 00:00:00")]
    [InlineData(" 05/03/2024 ")]
    public void Does_read_date_text(string text)
    {
        Parsed<DateOnly> parsed = CellParsers.Date(C(text));

        Assert.True(parsed.IsOk);
        Assert.Equal(new DateOnly(2024, 3, 5), parsed.Value);
    }

    [Theory]
    [InlineData(1d, 1900, 1, 1)]
    [InlineData(59d, 1900, 2, 28)]
    [InlineData(61d, 1900, 3, 1)]
    [InlineData(45356d, 2024, 3, 5)]
    [InlineData(45356.75, 2024, 3, 5)]
    public void Does_read_excel_serial_numbers_in_the_1900_system(double serial, int year, int month, int day)
    {
        Parsed<DateOnly> parsed = CellParsers.Date(C(serial));

        Assert.True(parsed.IsOk);
        Assert.Equal(new DateOnly(year, month, day), parsed.Value);
    }

    [Fact]
    public void Does_read_date_cell()
    {
        Parsed<DateOnly> parsed = CellParsers.Date(C(new DateTime(2024, 3, 5, 13, 30, 0, DateTimeKind.Unspecified)));

        Assert.Equal(new DateOnly(2024, 3, 5), parsed.Value);
    }

    [Theory]
    [InlineData(60d)]
    [InlineData(0d)]
    [InlineData(-3d)]
    [InlineData("31/02/2024")]
    [InlineData("2024/13/01")]
    [InlineData("13/2024")]
    [InlineData("demain")]
    [InlineData("05/03/24")]
    [InlineData(true)]
    public void Does_reject_date(object value)
    {
        Assert.Equal(IssueCodes.DateFormat, CellParsers.Date(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData(2023d, 2023)]
    [InlineData("2023", 2023)]
    [InlineData(" 2019 ", 2019)]
    [InlineData("15/06/2021", 2021)]
    public void Does_read_year(object value, int expected)
    {
        Assert.Equal(expected, CellParsers.Year(C(value)).Value);
        Assert.Equal(2022, CellParsers.Year(C(new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Unspecified))).Value);
    }

    [Theory]
    [InlineData("2024.0", 2024)] // a number turned into text by a script or CSV export
    [InlineData("2024,0", 2024)]
    [InlineData("2 024", 2024)] // French thousands separator
    [InlineData("2\u00A0024", 2024)]
    [InlineData("09/2023", 2023)]
    [InlineData("9-2023", 2023)]
    [InlineData("sept. 2023", 2023)]
    [InlineData("Septembre 2023", 2023)]
    [InlineData("01/09/2023", 2023)]
    public void Does_read_year_written_as_decimal_text_or_month_and_year(string text, int expected)
    {
        Parsed<int> parsed = CellParsers.Year(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(expected, parsed.Value);
    }

    [Fact]
    public void Does_read_a_year_typed_in_a_cell_formatted_as_a_date()
    {
        // 2024 typed in a date-formatted cell shows as 16/07/1905: the serial number is the year
        Assert.Equal(2024, CellParsers.Year(C(new DateTime(1905, 7, 16, 0, 0, 0, DateTimeKind.Unspecified))).Value);
        Assert.Equal(2023, CellParsers.Year(C(new DateTime(2023, 9, 1, 0, 0, 0, DateTimeKind.Unspecified))).Value);
        Assert.Equal(1930, CellParsers.Year(C(new DateTime(1930, 1, 1, 0, 0, 0, DateTimeKind.Unspecified))).Value);
    }

    [Theory]
    [InlineData("13/2023")]
    [InlineData("truc 2023")]
    [InlineData("2024.5")]
    public void Does_reject_month_and_year_text_that_is_not_one(string text)
    {
        Assert.Equal(IssueCodes.YearInvalid, CellParsers.Year(C(text)).ErrorCode);
    }

    [Theory]
    [InlineData(23d)]
    [InlineData(2023.5)]
    [InlineData("2021-2022")]
    [InlineData("vingt")]
    [InlineData("20233")]
    [InlineData(45000d)]
    public void Does_reject_year(object value)
    {
        Assert.Equal(IssueCodes.YearInvalid, CellParsers.Year(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData(3d, 3)]
    [InlineData(" 3 ", 3)]
    [InlineData("0", 0)]
    [InlineData("1 200", 1200)]
    [InlineData("3,0", 3)]
    public void Does_read_count(object value, int expected)
    {
        Parsed<int> parsed = CellParsers.Count(C(value));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(-1d)]
    [InlineData("-1")]
    [InlineData("trois")]
    [InlineData("2,5")]
    [InlineData(true)]
    [InlineData(1e12)]
    public void Does_reject_count(object value)
    {
        Assert.Equal(IssueCodes.NumberFormat, CellParsers.Count(C(value)).ErrorCode);
    }

    // ---- Yes/No

    [Theory]
    [InlineData("Oui", true)]
    [InlineData("OUI", true)]
    [InlineData(" oui. ", true)]
    [InlineData("O", true)]
    [InlineData("x", true)]
    [InlineData("Yes", true)]
    [InlineData("true", true)]
    [InlineData("Vrai", true)]
    [InlineData("1", true)]
    [InlineData(1d, true)]
    [InlineData(true, true)]
    [InlineData("Non", false)]
    [InlineData("NON", false)]
    [InlineData("n", false)]
    [InlineData("No", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData(0d, false)]
    [InlineData(false, false)]
    public void Does_read_yes_no(object value, bool expected)
    {
        Parsed<bool> parsed = CellParsers.YesNo(C(value));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("Peut-être")]
    [InlineData("en cours")]
    [InlineData(2d)]
    public void Does_ask_for_oui_or_non_when_answer_is_unknown(object value)
    {
        Parsed<bool> parsed = CellParsers.YesNo(C(value));

        Assert.Equal(IssueCodes.Required, parsed.ErrorCode);
        Assert.Equal("Répondez Oui ou Non", parsed.Detail);
    }

    // ---- Role

    [Theory]
    [InlineData("Évaluateur", IntervenantRole.Evaluator)]
    [InlineData("evaluateur", IntervenantRole.Evaluator)]
    [InlineData("ÉVALUATEURS", IntervenantRole.Evaluator)]
    [InlineData("Évaluatrice", IntervenantRole.Evaluator)]
    [InlineData("Eval.", IntervenantRole.Evaluator)]
    [InlineData("Formateur", IntervenantRole.Trainer)]
    [InlineData("formatrice", IntervenantRole.Trainer)]
    [InlineData("Form.", IntervenantRole.Trainer)]
    [InlineData("Évaluateur et formateur", IntervenantRole.Both)]
    [InlineData("Evaluateur/Formateur", IntervenantRole.Both)]
    [InlineData("Éval. et form.", IntervenantRole.Both)]
    [InlineData("Formateur & évaluateur", IntervenantRole.Both)]
    [InlineData("Evaluateur - Formateur", IntervenantRole.Both)]
    [InlineData("Les deux", IntervenantRole.Both)]
    [InlineData("Formateur(trice)", IntervenantRole.Trainer)]
    [InlineData("Évaluateur·rice", IntervenantRole.Evaluator)]
    [InlineData("Évaluateur.trice et formateur.trice", IntervenantRole.Both)]
    [InlineData("Évaluateur et/ou formateur", IntervenantRole.Both)]
    public void Does_read_role(string text, IntervenantRole expected)
    {
        Parsed<IntervenantRole> parsed = CellParsers.Role(C(text));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("E", IntervenantRole.Evaluator)]
    [InlineData("f", IntervenantRole.Trainer)]
    [InlineData("E+F", IntervenantRole.Both)]
    [InlineData("E/F", IntervenantRole.Both)]
    [InlineData("E et F", IntervenantRole.Both)]
    [InlineData("Formateur CléA numérique", IntervenantRole.Trainer)]
    [InlineData("Évaluateur habilité", IntervenantRole.Evaluator)]
    [InlineData("Évaluatrice certifiée", IntervenantRole.Evaluator)]
    [InlineData("Formatrice référente", IntervenantRole.Trainer)]
    [InlineData("Formateur / Evaluateur CléA", IntervenantRole.Both)]
    [InlineData("Formateur - évaluateur ", IntervenantRole.Both)]
    public void Does_read_role_initials_and_qualified_roles(string text, IntervenantRole expected)
    {
        Parsed<IntervenantRole> parsed = CellParsers.Role(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("EF")]
    [InlineData("E, F, G")]
    [InlineData("CléA")]
    [InlineData("Formateur et jury")]
    public void Does_reject_initials_mixed_with_other_letters_or_a_qualifier_alone(string text)
    {
        Assert.Equal(IssueCodes.RoleUnknown, CellParsers.Role(C(text)).ErrorCode);
    }

    [Theory]
    [InlineData("Tuteur")]
    [InlineData("Formateur et tuteur")]
    [InlineData("Jury")]
    [InlineData("et")]
    [InlineData("trice")]
    public void Does_reject_unknown_role(string text)
    {
        Assert.Equal(IssueCodes.RoleUnknown, CellParsers.Role(C(text)).ErrorCode);
        Assert.Equal(IssueCodes.RoleUnknown, CellParsers.Role(C(1d)).ErrorCode);
    }

    // ---- Domains

    [Theory]
    [InlineData("1;2;4", new[] { 1, 2, 4 })]
    [InlineData("1, 3", new[] { 1, 3 })]
    [InlineData("4;1;1", new[] { 1, 4 })]
    [InlineData("1 et 2", new[] { 1, 2 })]
    [InlineData("1 2 3", new[] { 1, 2, 3 })]
    [InlineData("D1", new[] { 1 })]
    [InlineData("Domaine 3", new[] { 3 })]
    [InlineData("Domaines 1 et 4", new[] { 1, 4 })]
    [InlineData("Identifier son environnement et utiliser les outils associés", new[] { 1 })]
    [InlineData("Acquérir et exploiter de l'information dans un environnement professionnel numérisé", new[] { 2 })]
    [InlineData("Interagir en mode collaboratif", new[] { 3 })]
    [InlineData("Appliquer les règles et bonnes pratiques de la sécurité numérique", new[] { 4 })]
    [InlineData("APPLIQUER LES REGLES ET BONNES PRATIQUES DE LA SECURITE NUMERIQUE", new[] { 4 })]
    [InlineData("sécurité; collaboratif", new[] { 3, 4 })]
    [InlineData("information et sécurité", new[] { 2, 4 })]
    [InlineData("1 - Identifier son environnement\n2 - Acquérir et exploiter de l'information", new[] { 1, 2 })]
    [InlineData("3. Interagir", new[] { 3 })]
    public void Does_read_domains(string text, int[] expected)
    {
        Parsed<IReadOnlyList<CleaDomain>> parsed = CellParsers.Domains(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(expected.Select(d => (CleaDomain)d), parsed.Value!);
    }

    [Theory]
    [InlineData("1 à 4", new[] { 1, 2, 3, 4 })] // the template's own hint, typed back
    [InlineData("1 a 3", new[] { 1, 2, 3 })]
    [InlineData("de 1 à 4", new[] { 1, 2, 3, 4 })]
    [InlineData("1 au 4", new[] { 1, 2, 3, 4 })]
    [InlineData("2 à 4", new[] { 2, 3, 4 })]
    [InlineData("1-4", new[] { 1, 2, 3, 4 })]
    [InlineData("1 – 4", new[] { 1, 2, 3, 4 })]
    [InlineData("D1-D4", new[] { 1, 2, 3, 4 })]
    [InlineData("D1 à D3", new[] { 1, 2, 3 })]
    [InlineData("Domaines 1 à 4", new[] { 1, 2, 3, 4 })]
    [InlineData("1;3 à 4", new[] { 1, 3, 4 })]
    [InlineData("tous", new[] { 1, 2, 3, 4 })]
    [InlineData("Tous les domaines", new[] { 1, 2, 3, 4 })]
    [InlineData("TOUS", new[] { 1, 2, 3, 4 })]
    [InlineData("les 4", new[] { 1, 2, 3, 4 })]
    [InlineData("Les quatre domaines", new[] { 1, 2, 3, 4 })]
    [InlineData("Tous (1 à 4)", new[] { 1, 2, 3, 4 })]
    [InlineData("1 à 4 (tous)", new[] { 1, 2, 3, 4 })]
    [InlineData("3 (Interagir en mode collaboratif)", new[] { 3 })]
    [InlineData("1-2-3", new[] { 1, 2, 3 })] // three numbers: a list, not a span
    [InlineData("1/2/3", new[] { 1, 2, 3 })]
    [InlineData("1 ; 2", new[] { 1, 2 })]
    [InlineData("1.2.3.4", new[] { 1, 2, 3, 4 })]
    [InlineData("1, 2, 3 et 4", new[] { 1, 2, 3, 4 })]
    public void Does_read_every_domain_of_a_span_or_of_tous(string text, int[] expected)
    {
        Parsed<IReadOnlyList<CleaDomain>> parsed = CellParsers.Domains(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(expected.Select(d => (CleaDomain)d), parsed.Value!);
    }

    [Theory]
    [InlineData(12d, "« 12 »")]
    [InlineData(1234d, "« 1234 »")]
    [InlineData("aucun", "« aucun »")]
    [InlineData("tous sauf 4", "« tous sauf 4 »")]
    public void Does_not_guess_domains_from_run_together_digits_or_other_words(object value, string detail)
    {
        Parsed<IReadOnlyList<CleaDomain>> parsed = CellParsers.Domains(C(value));

        Assert.Equal(IssueCodes.DomainUnknown, parsed.ErrorCode);
        Assert.Equal(detail, parsed.Detail);
    }

    [Fact]
    public void Does_read_numeric_domain_cells()
    {
        Assert.Equal([CleaDomain.Information], CellParsers.Domains(C(2d)).Value!);
        Assert.Equal([CleaDomain.Environment, CleaDomain.Information], CellParsers.Domains(C(1.2)).Value!); // "1,2" in French Excel
    }

    [Theory]
    [InlineData("5", "« 5 »")]
    [InlineData("1;5", "« 5 »")]
    [InlineData("1; bureautique", "« bureautique »")]
    [InlineData("12", "« 12 »")]
    [InlineData(";", "« ; »")]
    [InlineData("numérique", "« numérique »")]
    public void Does_name_the_unknown_part_when_a_domain_is_not_recognised(string text, string detail)
    {
        Parsed<IReadOnlyList<CleaDomain>> parsed = CellParsers.Domains(C(text));

        Assert.Equal(IssueCodes.DomainUnknown, parsed.ErrorCode);
        Assert.Equal(detail, parsed.Detail);
    }

    // ---- Text as other tools and typing habits leave it

    [Theory]
    [InlineData("7328293200\u200B0074")] // zero-width space pasted from a web page
    [InlineData("\uFEFF73282932000074")] // byte-order mark
    [InlineData("７３２８２９３２００００７４")] // full-width digits (Japanese/Chinese input method)
    [InlineData("73282932000074.0")] // a number turned into text by a script or CSV export
    [InlineData("'73282932000074")] // LibreOffice keeps the apostrophe typed in a text cell
    [InlineData("\u2019732 829 320 00074")]
    public void Does_read_siret_text_when_invisible_or_full_width_characters_surround_the_digits(string text)
    {
        Parsed<string> parsed = CellParsers.Siret(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal("73282932000074", parsed.Value);
    }

    [Fact]
    public void Does_still_refuse_a_siret_with_a_real_decimal_part()
    {
        Assert.Equal(IssueCodes.SiretFormat, CellParsers.Siret(C("73282932000074.5")).ErrorCode);
        Assert.Equal(IssueCodes.SirenFormat, CellParsers.Siren(C("73282932000074")).ErrorCode);
    }

    [Fact]
    public void Does_read_other_codes_when_typed_with_an_apostrophe_or_full_width_digits()
    {
        Assert.Equal("73000", CellParsers.PostalCode(C("７３０００")).Value);
        Assert.Equal("01000", CellParsers.PostalCode(C("'01000")).Value);
        Assert.Equal("732829320", CellParsers.Siren(C("'732829320")).Value);
        Assert.Equal("82730000073", CellParsers.Nda(C("'82730000073")).Value);
        Assert.Equal("04 79 00 00 00", CellParsers.Phone(C("'04 79 00 00 00")).Value);
        Assert.Equal(2024, CellParsers.Year(C("'2024")).Value);
        Assert.Equal(4, CellParsers.Count(C("'4")).Value);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u00A0\u00A0")]
    [InlineData(" \u200B\u00A0\u2060 ")]
    public void Does_treat_invisible_only_text_as_blank(string text)
    {
        Assert.True(C(text).IsBlank);
        Assert.Null(CellParsers.Text(C(text)));
    }

    [Fact]
    public void Does_trim_invisible_characters_around_text()
    {
        Assert.Equal("FCS Chambéry", CellParsers.Text(C("\u200BFCS Chambéry\u00A0")));
    }

    [Theory]
    [InlineData("1er janvier 2029", 2029, 1, 1)]
    [InlineData("30 juin 2028", 2028, 6, 30)]
    [InlineData("1 févr. 2027", 2027, 2, 1)]
    [InlineData("lundi 31 DÉCEMBRE 2029", 2029, 12, 31)]
    [InlineData("30-juin-2028", 2028, 6, 30)]
    [InlineData("01-01-2029", 2029, 1, 1)]
    [InlineData("31.12.2028", 2028, 12, 31)]
    [InlineData("2029/01/01", 2029, 1, 1)]
    [InlineData("2029.01.31", 2029, 1, 31)]
    [InlineData("47000", 2028, 9, 4)] // a serial number kept as text
    [InlineData("'30/06/2028", 2028, 6, 30)]
    public void Does_read_dates_typed_as_text_in_french_and_numeric_forms(string text, int year, int month, int day)
    {
        Parsed<DateOnly> parsed = CellParsers.Date(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(new DateOnly(year, month, day), parsed.Value);
    }

    [Theory]
    [InlineData("31 février 2028")]
    [InlineData("30 brumaire 2028")]
    [InlineData("juin 2028")]
    [InlineData("2024")]
    [InlineData("450")]
    public void Does_reject_date_text_that_names_no_single_day(string text)
    {
        Assert.Equal(IssueCodes.DateFormat, CellParsers.Date(C(text)).ErrorCode);
    }

    [Theory]
    [InlineData("4 personnes", 4)]
    [InlineData("3 évaluateurs", 3)]
    [InlineData("12 pers.", 12)]
    [InlineData("4,0", 4)]
    [InlineData("１２", 12)]
    public void Does_read_count_followed_by_the_word_counted(string text, int expected)
    {
        Parsed<int> parsed = CellParsers.Count(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("≈ 12")]
    [InlineData("environ 12")]
    [InlineData("12+")]
    [InlineData("quatre")]
    [InlineData("4 ou 5 personnes")]
    public void Does_reject_approximate_counts(string text)
    {
        Assert.Equal(IssueCodes.NumberFormat, CellParsers.Count(C(text)).ErrorCode);
    }

    [Fact]
    public void Does_reject_unicode_minus_count_as_negative()
    {
        Parsed<int> parsed = CellParsers.Count(C("\u22122"));

        Assert.Equal(IssueCodes.NumberFormat, parsed.ErrorCode);
        Assert.Contains("positif", parsed.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-2025", "2025")]
    [InlineData("2024/25", "2025")]
    [InlineData("2024 – 2025", "2025")]
    public void Does_ask_for_the_most_recent_year_when_a_span_is_given(string text, string latest)
    {
        Parsed<int> parsed = CellParsers.Year(C(text));

        Assert.Equal(IssueCodes.YearInvalid, parsed.ErrorCode);
        Assert.Contains(latest, parsed.Detail, StringComparison.Ordinal);
    }
}
