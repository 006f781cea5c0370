using CleaNum.Core.Mail;

namespace CleaNum.Core.Ports;

/// <summary>Hands recorded messages over: to an SMTP server, or as <c>.eml</c> files (Outbox). Implemented by the Mail
/// project (MailKit).</summary>
public interface IMailTransport
{
    /// <summary>False when <c>Mail:Mode</c> is <c>Off</c>: nothing is queued, nothing is sent.</summary>
    bool IsEnabled { get; }

    /// <summary>Where messages go, in French, without credentials ("serveur SMTP smtp.example.fr:587",
    /// "fichiers .eml dans …/envois").</summary>
    string Destination { get; }

    /// <summary>A new globally unique Message-Id (without angle brackets), recorded before the message is sent.</summary>
    string NewMessageId();

    /// <summary>Connects (and authenticates). Throws <see cref="MailDeliveryException"/>.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>An open connection; messages are sent one after the other.</summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>Sends one message with its recorded Message-Id; returns where it went. Throws
    /// <see cref="MailDeliveryException"/>.</summary>
    Task<string> SendAsync(MemberMail mail, CancellationToken cancellationToken);
}
