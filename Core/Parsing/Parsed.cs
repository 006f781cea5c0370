namespace CleaNum.Core.Parsing;

/// <summary>
/// Result of parsing one cell into a domain value: either a value, or an issue code of <c>rules.md</c> with a short
/// French detail for the message. <see cref="Value"/> may be set alongside a code when the value is usable but
/// suspicious (the code is then a warning, e.g. URL_FORMAT).
/// </summary>
public readonly record struct Parsed<T>(T? Value, string? ErrorCode, string? Detail)
{
    public bool IsOk => ErrorCode is null;

    public static Parsed<T> Ok(T value) => new(value, null, null);

    public static Parsed<T> Fail(string code, string? detail = null) => new(default, code, detail);
}
