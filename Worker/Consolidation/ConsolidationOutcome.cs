using CleaNum.Core.Consolidation;

namespace CleaNum.Worker.Consolidation;

/// <summary>The one result of a consolidation: what <see cref="ConsolidationService.RunAsync"/> did, for the Quartz
/// job (cron, <c>consolider</c> file, catch-up), <c>cleanum consolidate</c> and <c>cleanum demo</c> alike. Paths are relative to the data folder (forward
/// slashes) when inside it. <see cref="Failure"/> is a French message when nothing could be written. <see cref="CvDocumentPath"/> (PJ2) and
/// <see cref="TablesDocumentPath"/> (PJ3): the Word attachments, written with the annex (PJ1).</summary>
internal sealed record ConsolidationOutcome(
    string? AnnexPath,
    string? StatusPath,
    NetworkConsolidation? Consolidation,
    string? Failure)
{
    public string? CvDocumentPath { get; init; }

    public string? TablesDocumentPath { get; init; }

    public bool Written => Failure is null && AnnexPath is not null;

    /// <summary>service.md: 0 written (even with network warnings), 1 written but network errors remain, 2 failure.</summary>
    public int ExitCode => !Written ? ExitCodes.Failure
        : Consolidation!.HasNetworkErrors ? ExitCodes.Findings
        : ExitCodes.Ok;

    public static ConsolidationOutcome Failed(string message) => new(null, null, null, message);
}
