using CleaNum.Core.Ports;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CleaNum.Worker.Mail;

/// <summary>The scheduled reminders (<c>CleaNum:Reminders:Cron</c>, off by default): queues them; the mail dispatcher
/// sends them.</summary>
[DisallowConcurrentExecution]
internal sealed class ReminderJob(ReminderService reminders, ILogger<ReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminders", "cleanum");

    public static readonly TriggerKey CronTrigger = new("reminders-cron", "cleanum");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<ReminderCandidate> done = await reminders.RunAsync(dryRun: false, cancellationToken);
            int queued = done.Count(c => c.Outcome == ReminderOutcome.Queued);
            logger.RemindersQueued(queued, done.Count);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or IOException)
        {
            logger.RemindersFailed(ex);
        }
    }
}
