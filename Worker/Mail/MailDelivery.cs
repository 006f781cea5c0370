using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Mail;

/// <summary>
/// Sends the recorded messages that are due. Each message is marked <c>sending</c> in the database just before it is
/// handed over and <c>sent</c> right after: a message found <c>sending</c> at start-up (the process died in between)
/// is marked <c>interrupted</c> and never sent again — a member may miss one message, never get one twice. A transient
/// failure (connection refused or dropped, timeout, 4xx) is retried with a doubling delay; a permanent one (5xx, bad
/// address) or too many attempts leaves the message <c>failed</c>, shown in <c>status</c>.
/// </summary>
internal sealed class MailDelivery(
    IMailStore store,
    IMailTransport transport,
    IOptions<MailOptions> options,
    DataFolder data,
    TimeProvider time,
    ILogger<MailDelivery> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _recovered;

    public bool IsEnabled => transport.IsEnabled;

    public void Dispose() => _gate.Dispose();

    public string Destination => transport.Destination;

    public async Task<MailDeliveryReport> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!transport.IsEnabled)
        {
            return MailDeliveryReport.Nothing;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RecoverOnceAsync(cancellationToken);
            IReadOnlyList<MemberMail> due = await store.GetDueAsync(Now, cancellationToken);
            return due.Count == 0 ? MailDeliveryReport.Nothing : await SendAllAsync(due, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RecoverOnceAsync(CancellationToken cancellationToken)
    {
        if (!_recovered)
        {
            int interrupted = await store.MarkInterruptedAsync(Now, cancellationToken);
            if (interrupted > 0)
            {
                logger.MailInterrupted(interrupted);
            }

            _recovered = true;
        }
    }

    private async Task<MailDeliveryReport> SendAllAsync(IReadOnlyList<MemberMail> due, CancellationToken cancellationToken)
    {
        int sent = 0, retrying = 0, failed = 0;
        var locations = new List<string>();
        IMailSession? session = null;
        try
        {
            try
            {
                session = await transport.OpenAsync(cancellationToken);
            }
            catch (MailDeliveryException ex)
            {
                // Nothing was sent: every due message waits for the next attempt (or fails if it has used them all).
                foreach (MemberMail mail in due)
                {
                    if (await FailAsync(mail, mail.Attempts + 1, ex, cancellationToken))
                    {
                        retrying++;
                    }
                    else
                    {
                        failed++;
                    }
                }

                return new MailDeliveryReport(0, retrying, failed, []);
            }

            foreach (MemberMail mail in due)
            {
                if (!await store.TryStartSendingAsync(mail.Id, Now, cancellationToken))
                {
                    continue; // taken by another sender
                }

                try
                {
                    string location = await session.SendAsync(mail, cancellationToken);
                    await store.MarkSentAsync(mail.Id, Now, Relative(location), cancellationToken);
                    locations.Add(location);
                    sent++;
                    logger.MailSent(mail.Id, mail.Kind, mail.Siren);
                }
                catch (MailDeliveryException ex)
                {
                    if (await FailAsync(mail, mail.Attempts + 1, ex, cancellationToken))
                    {
                        retrying++;
                    }
                    else
                    {
                        failed++;
                    }

                    if (ex.IsTransient)
                    {
                        // The connection is probably gone: the others wait for the next pass, still pending.
                        break;
                    }
                }
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        return new MailDeliveryReport(sent, retrying, failed, locations);
    }

    /// <summary>Records the failure; true when the message will be tried again.</summary>
    private async Task<bool> FailAsync(MemberMail mail, int attempts, MailDeliveryException failure, CancellationToken cancellationToken)
    {
        MailOptions o = options.Value;
        if (failure.IsTransient && attempts < o.MaxAttempts)
        {
            double factor = Math.Pow(2, Math.Min(attempts - 1, 20));
            TimeSpan delay = TimeSpan.FromTicks((long)Math.Min(o.RetryDelay.Ticks * factor, o.MaxRetryDelay.Ticks));
            await store.MarkRetryAsync(mail.Id, Now + delay, failure.Message, cancellationToken);
            logger.MailRetrying(mail.Id, failure.Message, delay);
            return true;
        }

        string reason = failure.IsTransient ? $"{failure.Message} (abandonné après {attempts} tentatives)" : failure.Message;
        await store.MarkFailedAsync(mail.Id, Now, reason, cancellationToken);
        logger.MailFailed(mail.Id, reason);
        return false;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private string Relative(string location) =>
        Path.IsPathRooted(location) && DataFolder.IsInside(location, data.Root)
            ? Path.GetRelativePath(data.Root, location).Replace('\\', '/')
            : location;
}
