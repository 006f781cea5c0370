namespace CleaNum.Core.Domain;

/// <summary>The network head's <c>reseau.xlsx</c>: who the head is and which members it holds a mandate for.</summary>
public sealed record NetworkRoster(NetworkHead Head, IReadOnlyList<RosterMember> Members)
{
    /// <summary>Distinct SIRENs of the roster: a member listed twice counts once (annex.md, network size).</summary>
    public int DistinctMemberCount => Members.Select(m => m.Siren).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>The head (sheet <c>Tete de reseau</c>). <see cref="CleaActivity"/>: « Activité CléA numérique de la tête de
/// réseau » — when true the head is itself a candidate (annex.md « What counts »).</summary>
public sealed record NetworkHead(string Name, string? Siren, int? Campaign, bool? CleaActivity, string? Contact);

/// <summary>One row of sheet <c>Membres</c>. <see cref="Email"/>: the optional « Courriel » column.</summary>
public sealed record RosterMember(int Row, string Siren, string? Name, bool? MandateReceived, DateOnly? MandateDate)
{
    public string? Email { get; init; }
}
