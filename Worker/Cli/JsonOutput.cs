using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Worker.Ingest;

namespace CleaNum.Worker.Cli;

/// <summary>The machine-readable output of <c>service.md</c> (<c>ingest --json</c>).</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Status(SubmissionStatus status) => ServiceCodes.Of(status);

    public static string Severity(Severity severity) => ServiceCodes.Of(severity);

    public static string Ingest(IEnumerable<IngestOutcome> outcomes) =>
        JsonSerializer.Serialize(new { files = outcomes.Select(FileObject) }, Options);

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);

    public static object IssueObject(Issue i) => new
    {
        severity = Severity(i.Severity),
        code = i.Code,
        sheet = i.Sheet,
        row = i.Row,
        column = i.Column,
        cell = i.CellAddress,
        value = i.Value,
        message = i.Message,
        hint = i.Hint,
    };

    private static object FileObject(IngestOutcome o) => new
    {
        file = o.File,
        sha256 = o.Sha256,
        status = Status(o.Status),
        member = o.Siren is null && o.MemberName is null ? null : new { siren = o.Siren, name = o.MemberName },
        version = o.Version,
        issues = o.Issues.Select(IssueObject),
        report = o.Report,
        annotated = o.AnnotatedCopy,
    };
}
