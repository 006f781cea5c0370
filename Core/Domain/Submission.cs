using CleaNum.Core.Issues;

namespace CleaNum.Core.Domain;

/// <summary>
/// One received file and what came of it. Every version is kept; a member's current version is its latest accepted one.
/// <see cref="Data"/> is null when the file could not be read at all.
/// </summary>
public sealed record Submission
{
    public long Id { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public DateTime ReceivedAtUtc { get; init; }
    public long Size { get; init; }
    public SubmissionStatus Status { get; init; }
    public int Campaign { get; init; }

    /// <summary>1, 2, 3… per member (SIREN); 0 when the file names no usable SIREN.</summary>
    public int Version { get; init; }

    public string? Siren { get; init; }
    public string? MemberName { get; init; }
    public MemberData? Data { get; init; }
    public IReadOnlyList<Issue> Issues { get; init; } = [];
}
