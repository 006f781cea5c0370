using CleaNum.Core.Consolidation;
using CleaNum.Worker.Cli;

namespace CleaNum.Worker.Consolidation;

/// <summary>What <see cref="ConsolidationService.RunAsync"/> did. Paths are relative to the data folder (forward
/// slashes) when inside it. <see cref="Failure"/> is a French message when nothing could be written.</summary>
internal sealed record ConsolidationOutcome(
    string? AnnexPath,
    string? StatusPath,
    NetworkConsolidation? Consolidation,
    string? Failure)
{
    public bool Written => Failure is null && AnnexPath is not null;

    /// <summary>service.md: 0 written (even with network warnings), 1 written but network errors remain, 2 failure.</summary>
    public int ExitCode => !Written ? ExitCodes.Failure
        : Consolidation!.HasNetworkErrors ? ExitCodes.Findings
        : ExitCodes.Ok;

    public static ConsolidationOutcome Failed(string message) => new(null, null, null, message);
}
