namespace CleaNum.Core.Mail;

/// <summary>
/// A message could not be handed over. Thrown by <see cref="Ports.IMailTransport"/> implementations in place of their
/// library's exceptions. <see cref="IsTransient"/>: trying again later may succeed (connection refused or dropped,
/// timeout, 4xx reply); otherwise the message is kept as failed (5xx reply, invalid address). The message is French
/// and names no password.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException()
    {
    }

    public MailDeliveryException(string message)
        : base(message)
    {
    }

    public MailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MailDeliveryException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}
