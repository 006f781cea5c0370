using CleaNum.Worker.Cli;

namespace CleaNum.Worker.Service;

/// <summary>
/// Adapter from the service to consolidation.
/// PENDING(consol): the consolidation service (Worker/Consolidation, branch <c>consol</c>) is not on main yet; until it
/// is, this adapter writes nothing and says so. When it lands: inject <c>ConsolidationService</c>, call
/// <c>RunAsync</c> and map its <c>ConsolidationOutcome</c> (AnnexPath, StatusPath, ExitCode, Failure,
/// <c>ConsolidationJson.ToJsonObject</c>).
/// </summary>
internal sealed class ConsolidationRunner : IConsolidationRunner
{
    public const string Unavailable = "La consolidation n'est pas encore disponible dans cette version de CleaNum.";

    public Task<ConsolidationRun> RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new ConsolidationRun(null, null, ExitCodes.Failure, Unavailable,
            new { annex = (string?)null, error = Unavailable, exitCode = ExitCodes.Failure }));
    }
}
