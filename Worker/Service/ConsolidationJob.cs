using CleaNum.Worker.Consolidation;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CleaNum.Worker.Service;

/// <summary>Builds the annex (on the cron, on a <c>consolider</c> file, or once at start-up when the last scheduled
/// run was missed). Never runs while a file is being ingested: it holds the <see cref="WorkGate"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class ConsolidationJob(ConsolidationService consolidation, WorkGate gate, ILogger<ConsolidationJob> logger) : IJob
{
    public static readonly JobKey Key = new("consolidation", "cleanum");

    public static readonly TriggerKey CronTrigger = new("consolidation-cron", "cleanum");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using IDisposable _ = await gate.EnterAsync(cancellationToken);
        try
        {
            ConsolidationOutcome outcome = await consolidation.RunAsync(cancellationToken);
            if (outcome.Written)
            {
                logger.ConsolidationWritten(outcome.AnnexPath!);
            }
            else
            {
                logger.ConsolidationNotWritten(outcome.Failure ?? "no annex written");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // the service keeps running; the next trigger tries again
            logger.ConsolidationCrashed(ex);
        }
    }
}
