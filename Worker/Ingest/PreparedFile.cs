using CleaNum.Core.Domain;
using CleaNum.Core.Validation;

namespace CleaNum.Worker.Ingest;

/// <summary>A file claimed by <see cref="IngestPipeline"/>: where it came from, where it is now (<c>en-cours/</c>, or the
/// file itself when it already was there), its original name and the input as reported.</summary>
internal sealed record ClaimedFile(string SourcePath, string Claimed, string OriginalName, string Input, bool FromDepot);

/// <summary>
/// What <see cref="IngestPipeline.PrepareAsync"/> found: the claimed file, its sha256 and size, when it was received,
/// and either the submission that already holds the same bytes (<see cref="Existing"/>) or the result of reading and
/// validating it (<see cref="Result"/>). Nothing of it is stored yet: <see cref="IngestPipeline.CommitAsync"/> does that,
/// <see cref="IngestPipeline.Abandon"/> puts the file back.
/// </summary>
internal sealed record PreparedFile(ClaimedFile File, string Sha256, long Size, DateTime ReceivedAtUtc)
{
    public Submission? Existing { get; init; }

    public MemberValidationResult? Result { get; init; }

    public int Campaign { get; init; }

    public NetworkRoster? Roster { get; init; }
}
