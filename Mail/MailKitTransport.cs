using System.Globalization;
using System.Net.Sockets;
using CleaNum.Core;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using ServiceNotConnectedException = MailKit.ServiceNotConnectedException;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace CleaNum.Mail;

/// <summary><see cref="IMailTransport"/> on MailKit: SMTP (StartTls, SslOnConnect, or None to a loopback relay), or
/// <c>.eml</c> files (Outbox). MailKit's exceptions are turned into <see cref="MailDeliveryException"/>: 5xx replies and
/// bad addresses are permanent, everything else (refused or dropped connection, timeout, 4xx) is transient.</summary>
internal sealed class MailKitTransport(IOptions<MailOptions> options, TimeProvider time, ILogger<MailKitTransport> logger)
    : IMailTransport
{
    private MailOptions Options => options.Value;

    public bool IsEnabled => Options.Mode != MailMode.Off;

    public string Destination => Options.Mode switch
    {
        MailMode.Smtp => $"serveur SMTP {Options.Smtp.Host}:{Options.Smtp.Port.ToString(CultureInfo.InvariantCulture)}",
        MailMode.Outbox => $"fichiers .eml dans « {Options.OutboxPath} »",
        _ => "aucun envoi (Mail:Mode = Off)",
    };

    public string NewMessageId()
    {
        string domain = Addresses.TryParse(Options.From, out MailboxAddress from) && from.Domain.Length > 0 ? from.Domain : "cleanum.local";
        return MimeUtils.GenerateMessageId(domain);
    }

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        switch (Options.Mode)
        {
            case MailMode.Outbox:
                return new OutboxSession(Options, time);
            case MailMode.Smtp:
                var client = new SmtpClient { Timeout = (int)Options.Smtp.Timeout.TotalMilliseconds };
                try
                {
                    await client.ConnectAsync(Options.Smtp.Host ?? "", Options.Smtp.Port, SocketOptions(Options.Smtp.Security), cancellationToken);
                    if (!string.IsNullOrEmpty(Options.Smtp.User))
                    {
                        await client.AuthenticateAsync(Options.Smtp.User, Options.Smtp.Password ?? "", cancellationToken);
                    }

                    logger.SmtpConnected(Options.Smtp.Host ?? "", Options.Smtp.Port, Options.Smtp.Security);
                    return new SmtpSession(client, Options, time);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Translate(ex) is { } failure)
                {
                    client.Dispose();
                    logger.SmtpConnectFailed(Options.Smtp.Host ?? "", Options.Smtp.Port, failure.Message);
                    throw failure;
                }

            default:
                throw new MailDeliveryException("l'envoi des courriels est désactivé (Mail:Mode = Off)", isTransient: false);
        }
    }

    internal static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>MailKit / socket exceptions → a French <see cref="MailDeliveryException"/>; null for anything else.</summary>
    internal static MailDeliveryException? Translate(Exception ex) => ex switch
    {
        MailDeliveryException known => known,
        SmtpCommandException command => new MailDeliveryException(
            $"le serveur SMTP a répondu {((int)command.StatusCode).ToString(CultureInfo.InvariantCulture)} : {command.Message.Trim()}",
            isTransient: (int)command.StatusCode < 500, ex),
        AuthenticationException => new MailDeliveryException("identifiant ou mot de passe SMTP refusé par le serveur", isTransient: true, ex),
        SslHandshakeException => new MailDeliveryException("la connexion chiffrée (TLS) avec le serveur SMTP a échoué", isTransient: true, ex),
        SmtpProtocolException or ServiceNotConnectedException => new MailDeliveryException(
            "le serveur SMTP a coupé la connexion", isTransient: true, ex),
        TimeoutException or OperationCanceledException => new MailDeliveryException(
            "le serveur SMTP n'a pas répondu à temps", isTransient: true, ex),
        SocketException socket => new MailDeliveryException(
            $"connexion au serveur SMTP impossible ({socket.SocketErrorCode})", isTransient: true, ex),
        IOException => new MailDeliveryException("la connexion au serveur SMTP a été interrompue", isTransient: true, ex),
        NotSupportedException => new MailDeliveryException(
            "le serveur SMTP ne propose pas la sécurité demandée (Mail:Smtp:Security)", isTransient: true, ex),
        _ => null,
    };

    private sealed class SmtpSession(SmtpClient client, MailOptions options, TimeProvider time) : IMailSession
    {
        public async Task<string> SendAsync(MemberMail mail, CancellationToken cancellationToken)
        {
            MimeMessage message = MimeMessages.Build(mail, options, time.GetUtcNow());
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Translate(ex) is { } failure)
            {
                throw failure;
            }

            return $"SMTP {options.Smtp.Host}:{options.Smtp.Port.ToString(CultureInfo.InvariantCulture)}";
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, quit.Token);
                }
            }
            catch (Exception ex) when (Translate(ex) is not null)
            {
                // The messages are already recorded as sent; a failed QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Writes <c>&lt;outbox&gt;/&lt;aaaa-mm-jj&gt;/&lt;id&gt;-&lt;siren&gt;-&lt;kind&gt;.eml</c> under a temporary name then
    /// renamed; <c>X-Unsent: 1</c> makes Outlook open it as a draft ready to send.</summary>
    private sealed class OutboxSession(MailOptions options, TimeProvider time) : IMailSession
    {
        public async Task<string> SendAsync(MemberMail mail, CancellationToken cancellationToken)
        {
            DateTimeOffset now = time.GetUtcNow();
            MimeMessage message = MimeMessages.Build(mail, options, now);
            message.Headers.Add("X-Unsent", "1");
            string folder = Path.Combine(
                options.OutboxPath ?? throw new MailDeliveryException("dossier des envois non configuré", isTransient: false),
                ParisTime.ToParis(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            string name = string.Create(CultureInfo.InvariantCulture,
                $"{mail.Id:D6}-{mail.Siren ?? "membre"}-{mail.Kind.ToString().ToLowerInvariant()}.eml");
            string path = Path.Combine(folder, name);
            try
            {
                Directory.CreateDirectory(folder);
                string temporary = path + ".tmp";
                await message.WriteToAsync(temporary, cancellationToken);
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MailDeliveryException($"impossible d'écrire « {path} » : {ex.Message}", isTransient: true, ex);
            }

            return path;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
