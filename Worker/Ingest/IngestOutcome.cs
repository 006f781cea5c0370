using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Worker.Ingest;

/// <summary>What happened to one file (one element of <c>ingest --json</c>'s <c>files</c>). Paths are relative to the
/// data folder when they lie inside it.</summary>
internal sealed record IngestOutcome(
    string File,
    string Sha256,
    SubmissionStatus Status,
    string? Siren,
    string? MemberName,
    int Version,
    IReadOnlyList<Issue> Issues,
    string? Report,
    string? AnnotatedCopy,
    string? StoredAt)
{
    /// <summary>Refused, or a byte-identical re-send of a refused file (still refused): <c>ingest</c> exits 1.</summary>
    public bool IsRefused => Status == SubmissionStatus.Refused
        || (Status == SubmissionStatus.Duplicate && Issues.Any(i => i.Severity == Severity.Error));
}
