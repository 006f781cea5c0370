using Microsoft.Extensions.Logging;
using Quartz;

namespace CleaNum.Worker.Service;

/// <summary>Builds the annex (on the cron, on a <c>consolider</c> file, or once at start-up when the last scheduled
/// run was missed). Never runs while a file is being ingested: it holds the <see cref="WorkGate"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class ConsolidationJob(IConsolidationRunner runner, WorkGate gate, ILogger<ConsolidationJob> logger) : IJob
{
    public static readonly JobKey Key = new("consolidation", "cleanum");

    public static readonly TriggerKey CronTrigger = new("consolidation-cron", "cleanum");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using IDisposable _ = await gate.EnterAsync(cancellationToken);
        try
        {
            ConsolidationRun run = await runner.RunAsync(cancellationToken);
            if (run.Failure is null && run.AnnexPath is not null)
            {
                logger.ConsolidationWritten(run.AnnexPath);
            }
            else
            {
                logger.ConsolidationNotWritten(run.Failure ?? "no annex written");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // the service keeps running; the next trigger tries again
            logger.ConsolidationCrashed(ex);
        }
    }
}
