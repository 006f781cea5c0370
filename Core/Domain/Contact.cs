namespace CleaNum.Core.Domain;

public sealed record Contact(string? Name, string? Email, string? Phone);
