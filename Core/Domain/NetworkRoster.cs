namespace CleaNum.Core.Domain;

/// <summary>The network head's <c>reseau.xlsx</c>: who the head is and which members it holds a mandate for.</summary>
public sealed record NetworkRoster(NetworkHead Head, IReadOnlyList<RosterMember> Members);

public sealed record NetworkHead(string Name, string? Siren, int? Campaign, bool? CleaActivity, string? Contact);

public sealed record RosterMember(int Row, string Siren, string? Name, bool? MandateReceived, DateOnly? MandateDate);
