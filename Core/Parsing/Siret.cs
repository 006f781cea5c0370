namespace CleaNum.Core.Parsing;

/// <summary>SIRET (14 digits). Same verdicts as python-stdnum 1.18 <c>stdnum.fr.siret</c>, La Poste rule included.</summary>
public static class Siret
{
    public static string Compact(string number) => throw new NotImplementedException();

    public static IdentifierVerdict Check(string number) => throw new NotImplementedException();

    public static bool IsValid(string number) => Check(number) == IdentifierVerdict.Valid;

    /// <summary>"732 829 320 00074".</summary>
    public static string Format(string siret) => throw new NotImplementedException();
}
