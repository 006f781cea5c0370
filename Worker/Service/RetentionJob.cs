using CleaNum.Worker.Retention;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CleaNum.Worker.Service;

/// <summary>Once a month (<see cref="RetentionOptions.Cron"/>): removes the personal data of superseded versions older than
/// the retention. Holds the <see cref="WorkGate"/>: never while a file is ingested or the annex built.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(RetentionService retention, WorkGate gate, ILogger<RetentionJob> logger) : IJob
{
    public const string Origin = "job";

    public static readonly JobKey Key = new("retention", "cleanum");

    public static readonly TriggerKey Trigger = new("retention-cron", "cleanum");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using IDisposable _ = await gate.EnterAsync(cancellationToken);
        try
        {
            await retention.PurgeSupersededAsync(null, dryRun: false, Origin, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // the service keeps running; next month tries again
            logger.PurgeFailed(ex);
        }
    }
}
