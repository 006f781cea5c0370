using CleaNum.Core.Domain;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Parsing;

/// <summary>
/// Raw cell values (string, double, bool, DateTime from the reader) → domain values. Each parser returns either the
/// normalised value or one issue code of <c>rules.md</c>. Blank cells are not handled here: callers check
/// <see cref="Cell.IsBlank"/> first (REQUIRED is the validator's business).
/// </summary>
public static class CellParsers
{
    /// <summary>Trimmed text of a cell as a person would read it; numbers without exponent or thousands separator,
    /// dates as jj/mm/aaaa. Null for blank.</summary>
    public static string? Text(Cell? cell) => throw new NotImplementedException();

    /// <summary>9 digits. Codes: SIREN_FORMAT, SIREN_CHECKSUM, IDENTIFIER_PRECISION_LOST.</summary>
    public static Parsed<string> Siren(Cell cell) => throw new NotImplementedException();

    /// <summary>14 digits. Codes: SIRET_FORMAT, SIRET_CHECKSUM, SIRET_IS_SIREN, IDENTIFIER_PRECISION_LOST.</summary>
    public static Parsed<string> Siret(Cell cell) => throw new NotImplementedException();

    /// <summary>5 digits; numeric 1000 → "01000". Code: POSTAL_CODE_FORMAT.</summary>
    public static Parsed<string> PostalCode(Cell cell) => throw new NotImplementedException();

    /// <summary>NAF rév. 2 or NAF 2025, normalised "NN.NNL". Code: NAF_FORMAT.</summary>
    public static Parsed<string> Naf(Cell cell) => throw new NotImplementedException();

    /// <summary>11 digits. Code: NDA_FORMAT.</summary>
    public static Parsed<string> Nda(Cell cell) => throw new NotImplementedException();

    /// <summary>Code: EMAIL_FORMAT.</summary>
    public static Parsed<string> Email(Cell cell) => throw new NotImplementedException();

    /// <summary>French phone (10 digits or +33…), normalised. Code: PHONE_FORMAT.</summary>
    public static Parsed<string> Phone(Cell cell) => throw new NotImplementedException();

    /// <summary>Code: URL_FORMAT.</summary>
    public static Parsed<string> Url(Cell cell) => throw new NotImplementedException();

    /// <summary>Excel date, serial number or jj/mm/aaaa. Code: DATE_FORMAT.</summary>
    public static Parsed<DateOnly> Date(Cell cell) => throw new NotImplementedException();

    /// <summary>A year (number, text or date). Code: YEAR_INVALID (range checking is the caller's).</summary>
    public static Parsed<int> Year(Cell cell) => throw new NotImplementedException();

    /// <summary>A non-negative integer. Code: NUMBER_FORMAT.</summary>
    public static Parsed<int> Count(Cell cell) => throw new NotImplementedException();

    /// <summary>Oui/Non (also O/N, X, true/false, 1/0, yes/no). Code: REQUIRED when unrecognised.</summary>
    public static Parsed<bool> YesNo(Cell cell) => throw new NotImplementedException();

    /// <summary>Évaluateur / Formateur / Évaluateur et formateur (accents, case, plural, Eval./Form.). Code: ROLE_UNKNOWN.</summary>
    public static Parsed<IntervenantRole> Role(Cell cell) => throw new NotImplementedException();

    /// <summary>Numbers 1–4 or labels separated by ; or , (accents/case-insensitive). Code: DOMAIN_UNKNOWN.</summary>
    public static Parsed<IReadOnlyList<CleaDomain>> Domains(Cell cell) => throw new NotImplementedException();
}
