namespace CleaNum.Core.Issues;

/// <summary>A code of rules.md with its default severity, a French title (for the report) and a default French hint.</summary>
public sealed record IssueDefinition(string Code, Severity DefaultSeverity, string Title, string Hint);
