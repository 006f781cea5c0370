using CleaNum.Worker.Consolidation;

namespace CleaNum.Worker.Service;

/// <summary>Adapter from the service (Quartz job, <c>consolider</c> trigger, <c>consolidate</c>, <c>demo</c>) to the
/// consolidation service: one code path for every way a consolidation starts.</summary>
internal sealed class ConsolidationRunner(ConsolidationService consolidation) : IConsolidationRunner
{
    public async Task<ConsolidationRun> RunAsync(CancellationToken cancellationToken)
    {
        ConsolidationOutcome outcome = await consolidation.RunAsync(cancellationToken);
        return new ConsolidationRun(outcome.AnnexPath, outcome.StatusPath, outcome.ExitCode, outcome.Failure,
            ConsolidationJson.ToJsonObject(outcome))
        {
            CvDocumentPath = outcome.CvDocumentPath,
            TablesDocumentPath = outcome.TablesDocumentPath,
        };
    }
}
