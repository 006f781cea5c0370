namespace CleaNum.Core.Geography;

/// <summary>An INSEE région (COG): code "84", name "Auvergne-Rhône-Alpes".</summary>
public sealed record Region(string Code, string Name)
{
    /// <summary>One of the 13 metropolitan régions (codes ≥ 11).</summary>
    public bool IsMetropolitan => string.CompareOrdinal(Code, "11") >= 0;
}
