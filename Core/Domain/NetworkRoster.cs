namespace CleaNum.Core.Domain;

/// <summary>The network head's <c>reseau.xlsx</c>: who the head is and which members it holds a mandate for.</summary>
public sealed record NetworkRoster(NetworkHead Head, IReadOnlyList<RosterMember> Members);

public sealed record NetworkHead(string Name, string? Siren, int? Campaign, bool? CleaActivity, string? Contact);

/// <summary>One row of the <c>Membres</c> sheet. <see cref="Email"/> is the optional <c>Courriel</c> column: the address
/// member e-mail goes to when the member's own file gives none.</summary>
public sealed record RosterMember(int Row, string Siren, string? Name, bool? MandateReceived, DateOnly? MandateDate, string? Email = null);
