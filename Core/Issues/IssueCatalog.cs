namespace CleaNum.Core.Issues;

/// <summary>
/// The one catalogue of issue codes: default severity, French title and hint. Everything that creates an
/// <see cref="Issue"/> (reader, validators, consolidation) goes through <see cref="Create"/>.
/// </summary>
public static class IssueCatalog
{
    public static IReadOnlyDictionary<string, IssueDefinition> Definitions => throw new NotImplementedException();

    public static IssueDefinition Get(string code) => throw new NotImplementedException();

    /// <summary>
    /// Builds an issue with the code's default severity (unless <paramref name="severity"/> is given), the given French
    /// message (or the code's title when null) and the code's default hint (unless <paramref name="hint"/> is given).
    /// </summary>
    public static Issue Create(
        string code,
        string? message = null,
        string? sheet = null,
        int? row = null,
        string? column = null,
        string? value = null,
        string? hint = null,
        string? cellAddress = null,
        Severity? severity = null) => throw new NotImplementedException();
}
