namespace CleaNum.Worker.Service;

/// <summary>What the service needs from consolidation: build the annex now. Implemented by
/// <see cref="ConsolidationRunner"/> over the consolidation service.</summary>
internal interface IConsolidationRunner
{
    Task<ConsolidationRun> RunAsync(CancellationToken cancellationToken);
}

/// <summary>The result of one consolidation. Paths are relative to the data folder. <paramref name="Failure"/> is a
/// French message when nothing was written; <paramref name="ExitCode"/> follows service.md (0, 1 network errors, 2
/// failure); <paramref name="Json"/> is the object <c>consolidate --json</c> prints. <see cref="CvDocumentPath"/> and
/// <see cref="TablesDocumentPath"/>: the Word attachments PJ2 and PJ3 written next to the annex (PJ1).</summary>
internal sealed record ConsolidationRun(string? AnnexPath, string? StatusPath, int ExitCode, string? Failure, object Json)
{
    public string? CvDocumentPath { get; init; }

    public string? TablesDocumentPath { get; init; }
}
