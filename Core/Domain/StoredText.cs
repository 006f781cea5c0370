namespace CleaNum.Core.Domain;

/// <summary>
/// The longest text Core lets through to storage for the member fields it bounds: only values a parser normalised
/// (an identifier that failed is null, its issue says why). Every other text a member types — names, addresses, phones
/// and web sites kept as typed with a warning, contacts, CV text, issue values — is unbounded: the storage schema must
/// take any length (nvarchar(max) on SQL Server). <c>MemberTextColumnTests</c> compares the DDL of both providers with
/// this table; <c>StoredTextTests</c> checks that the parsers keep to it.
/// </summary>
public static class StoredText
{
    /// <summary>SIREN: 9 digits (<see cref="Parsing.CellParsers.Siren"/>).</summary>
    public const int Siren = 9;

    /// <summary>SIRET: 14 digits.</summary>
    public const int Siret = 14;

    /// <summary>Postal code: 5 digits.</summary>
    public const int PostalCode = 5;

    /// <summary>NAF code: "NN.NNL".</summary>
    public const int NafCode = 6;

    /// <summary>NDA: 11 digits.</summary>
    public const int Nda = 11;

    /// <summary>INSEE région code ("84", "01"): from the reference list, never from the member's text.</summary>
    public const int RegionCode = 3;

    /// <summary>
    /// Bounded fields by their storage column name (snake_case of the domain property). A member text column not in
    /// this table must be unbounded.
    /// </summary>
    public static IReadOnlyDictionary<string, int> BoundedColumns { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["siren"] = Siren,
        ["siret"] = Siret,
        ["postal_code"] = PostalCode,
        ["naf_code"] = NafCode,
        ["nda"] = Nda,
        ["region_code"] = RegionCode,
    };
}
