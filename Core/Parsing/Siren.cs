namespace CleaNum.Core.Parsing;

/// <summary>SIREN (9 digits, Luhn). Same verdicts as python-stdnum 1.18 <c>stdnum.fr.siren</c>.</summary>
public static class Siren
{
    /// <summary>stdnum's <c>compact</c>: spaces and dots removed (Unicode spaces/dots mapped first), trimmed.</summary>
    public static string Compact(string number) => throw new NotImplementedException();

    public static IdentifierVerdict Check(string number) => throw new NotImplementedException();

    public static bool IsValid(string number) => Check(number) == IdentifierVerdict.Valid;

    /// <summary>"732 829 320".</summary>
    public static string Format(string siren) => throw new NotImplementedException();
}
