using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace CleaNum.Mail;

/// <summary><c>Off</c>: nothing is queued or sent. <c>Outbox</c>: standard <c>.eml</c> files under
/// <c>envois/&lt;aaaa-mm-jj&gt;/</c>, to be sent from Outlook or Thunderbird. <c>Smtp</c>: sent through
/// <see cref="MailOptions.Smtp"/>.</summary>
public enum MailMode
{
    Off = 0,
    Outbox = 1,
    Smtp = 2,
}

/// <summary>How the SMTP connection is secured. <c>None</c> is allowed only to a loopback host (a local relay).</summary>
public enum SmtpSecurity
{
    StartTls = 0,
    SslOnConnect = 1,
    None = 2,
}

/// <summary>Section <c>Mail</c> (service.md « Member e-mail »). Environment: <c>CLEANUM__Mail__Mode</c>,
/// <c>CLEANUM__Mail__Smtp__Host</c>, <c>CLEANUM__Mail__Smtp__Password</c>… The password is never logged.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public MailMode Mode { get; set; } = MailMode.Off;

    /// <summary>Sender, e.g. <c>"Réseau Exemple &lt;cleanum@reseau.fr&gt;"</c>. Required unless Off.</summary>
    public string? From { get; set; }

    /// <summary>Where members' replies go (the head's own address), optional.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>The head's own address, copied on every message, optional.</summary>
    public string? Cc { get; set; }

    [ValidateObjectMembers]
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Folder of the <c>.eml</c> files (Outbox); the Worker sets it to <c>&lt;data&gt;/envois</c>.</summary>
    public string? OutboxPath { get; set; }

    /// <summary>Folder the recorded attachment paths are relative to; the Worker sets it to the data folder.</summary>
    public string? AttachmentRoot { get; set; }

    /// <summary>First delay before a transient failure is retried; doubled at each attempt up to
    /// <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many attempts a message that still fails is kept as failed.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How often the service looks for messages due again (a new report wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? User { get; set; }

    /// <summary>From the environment (<c>CLEANUM__Mail__Smtp__Password</c>) or a secret store; never logged.</summary>
    public string? Password { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True for "localhost" and loopback IP addresses.</summary>
    public static bool IsLoopback(string? host) =>
        host is not null && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address)));
}

[OptionsValidator]
public sealed partial class MailOptionsValidator : IValidateOptions<MailOptions>;
