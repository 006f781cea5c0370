namespace CleaNum.Worker.Hosting;

/// <summary>The options every verb accepts (<c>service.md</c>).</summary>
internal sealed record GlobalOptions(string? DataPath, string? Database, bool Json);
