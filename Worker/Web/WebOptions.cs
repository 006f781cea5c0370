using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Web;

/// <summary>Section <c>Web</c>: the dashboard that <c>cleanum run</c> serves (service.md « Dashboard »).</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>The value that turns the dashboard off.</summary>
    public const string Off = "Off";

    /// <summary>Addresses to listen on, separated by <c>;</c> (port 0 = any free port); <c>Off</c> disables the dashboard.</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary><c>None</c> (loopback only), <c>Password</c> (cookie sign-in against <see cref="PasswordHash"/>) or
    /// <c>Windows</c> (Negotiate/NTLM through HTTP.sys, Windows only).</summary>
    public WebAuth Auth { get; set; } = WebAuth.None;

    /// <summary>The password's hash, as printed by <c>cleanum mot-de-passe</c> (PBKDF2, never the password itself).</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Failed sign-ins from one address before it is locked out for <see cref="LockoutDuration"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A PKCS#12 (.pfx) certificate for the <c>https://</c> addresses of <see cref="Urls"/>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate file's password (from the environment or a secret store, never logged).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>How often an open page asks whether something changed.</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 5;

    public bool Enabled => !string.Equals(Urls.Trim(), Off, StringComparison.OrdinalIgnoreCase) && Urls.Trim().Length > 0;
}

public enum WebAuth
{
    None = 0,
    Password = 1,
    Windows = 2,
}

[OptionsValidator]
public sealed partial class WebOptionsValidator : IValidateOptions<WebOptions>;
