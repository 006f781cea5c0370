using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Mail;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Mail;

/// <summary>The service's sender: wakes when a report is queued (<see cref="MailSignal"/>) and every
/// <see cref="MailOptions.PollInterval"/> for retries, and sends what is due — off the file path, so a slow or absent
/// SMTP server never slows ingestion. A database or transport problem is logged and tried again later.</summary>
internal sealed class MailDispatcher(
    MailDelivery delivery,
    MailSignal signal,
    IOptions<MailOptions> options,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!delivery.IsEnabled)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await delivery.DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is StoreUnavailableException or MailDeliveryException or IOException)
            {
                logger.MailPassFailed(ex);
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
