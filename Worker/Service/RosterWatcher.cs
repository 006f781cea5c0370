using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Service;

/// <summary>
/// The roster (<c>reseau.xlsx</c>) decides part of each member's verdict (MEMBER_NOT_IN_ROSTER, MANDATE_MISSING, and
/// the network size that makes a missing CV an error or a warning). When the head saves, replaces or removes it while
/// the service runs, a consolidation is requested as soon as the file has been unchanged for
/// <see cref="InboxOptions.StabilityDelay"/>: the annex and the status workbook follow the new roster, and every report
/// whose verdict changed is written and sent again (<see cref="Mail.ReportReissuer"/>) — without waiting for the next
/// scheduled consolidation. Through the Quartz job, so it never overlaps another consolidation.
/// </summary>
internal sealed partial class RosterWatcher(
    DataFolder data,
    IConsolidationTrigger trigger,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<RosterWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // What is there at start-up is what the start-up state already reflects (ingestion reads the roster as it is).
        FileStamp handled = FileStamp.Of(data.RosterPath);
        FileStamp seen = handled;
        using var timer = new PeriodicTimer(options.Value.StabilityDelay, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                FileStamp now = FileStamp.Of(data.RosterPath);
                if (now == seen && now != handled)
                {
                    handled = now;
                    await RequestAsync(now, stoppingToken);
                }

                seen = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task RequestAsync(FileStamp stamp, CancellationToken stoppingToken)
    {
        RosterChanged(logger, stamp.Exists ? "changed" : "removed");
        try
        {
            await trigger.RequestAsync(stoppingToken);
        }
        catch (Quartz.SchedulerException ex)
        {
            // The scheduler is shutting down or not started yet: the next scheduled consolidation will catch up.
            RosterConsolidationNotRequested(logger, ex);
        }
    }

    [LoggerMessage(EventId = 5190, Level = LogLevel.Information, Message = "Roster {Change}: consolidation requested (reports whose verdict changed are re-issued)")]
    private static partial void RosterChanged(ILogger logger, string change);

    [LoggerMessage(EventId = 5191, Level = LogLevel.Warning, Message = "Roster changed but the consolidation could not be requested; the next scheduled one will follow it")]
    private static partial void RosterConsolidationNotRequested(ILogger logger, Exception exception);
}
