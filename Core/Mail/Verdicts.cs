using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Mail;

/// <summary>A short fingerprint of what a report says (the set of issues: severity, code, place): two reports with the
/// same fingerprint tell the member the same thing; a different one means the report must be issued again.</summary>
public static class Verdicts
{
    public static string Of(IEnumerable<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        IEnumerable<string> lines = issues
            .Where(i => i.Severity != Severity.Info)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Severity}|{i.Code}|{i.Sheet}|{i.Row}|{i.Column}"))
            .Order(StringComparer.Ordinal);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return Convert.ToHexStringLower(hash)[..16];
    }
}
