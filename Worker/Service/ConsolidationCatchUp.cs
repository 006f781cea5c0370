using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CleaNum.Worker.Service;

/// <summary>
/// Misfire across restarts: the in-memory scheduler forgets what it missed while the service was stopped, so at
/// start-up the newest file of <c>annexe/</c> tells when consolidation last ran; if a scheduled time has passed since,
/// consolidation fires once now (and the cron resumes). Without any annex yet, nothing is overdue.
/// </summary>
internal sealed class ConsolidationCatchUp(
    DataFolder data,
    IConsolidationTrigger trigger,
    IOptions<ScheduleOptions> options,
    TimeProvider time,
    ILogger<ConsolidationCatchUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ScheduleOptions schedule = options.Value;
        if (!schedule.Enabled || !CronExpression.TryParse(schedule.Cron, out CronExpression? cron) || cron is null)
        {
            return;
        }

        cron = cron.WithTimeZone(schedule.Zone());
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset? next = cron.GetNextValidTimeAfter(now);
        logger.ConsolidationScheduled(schedule.Cron, schedule.TimeZone, next);
        DateTimeOffset? due = OverdueSince(cron, LastConsolidation(data), now);
        if (due is { } dueAt)
        {
            logger.ConsolidationOverdue(dueAt);
            await trigger.RequestAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The first scheduled time after the last consolidation, when it is already past.</summary>
    internal static DateTimeOffset? OverdueSince(CronExpression cron, DateTimeOffset? last, DateTimeOffset now) =>
        last is { } l && cron.GetNextValidTimeAfter(l) is { } next && next <= now ? next : null;

    internal static DateTimeOffset? LastConsolidation(DataFolder data)
    {
        if (!Directory.Exists(data.Annex))
        {
            return null;
        }

        DateTime? newest = Directory.EnumerateFiles(data.Annex, "*.xlsx", SearchOption.TopDirectoryOnly)
            .Select(File.GetLastWriteTimeUtc)
            .Cast<DateTime?>()
            .Max();
        return newest is { } n ? new DateTimeOffset(n, TimeSpan.Zero) : null;
    }
}
