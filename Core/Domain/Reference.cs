namespace CleaNum.Core.Domain;

/// <summary>One row of <c>References</c> (form section 4.1).</summary>
public sealed record Reference(
    int Row,
    int? Year,
    string? Client,
    string? Publics,
    IReadOnlyList<CleaDomain> Domains,
    int? PeopleEvaluated,
    string? Sectors,
    string? Description)
{
    /// <summary>« Contact client » (name and details), template 2026.2.</summary>
    public string? ClientContact { get; init; }

    /// <summary>« Thème / sujet », template 2026.2.</summary>
    public string? Topic { get; init; }

    /// <summary>« Date de la prestation » as the form shows it: jj/mm/aaaa for a date, mm/aaaa or the text as typed
    /// for a month/year; template 2026.2.</summary>
    public string? ServiceDate { get; init; }
}
