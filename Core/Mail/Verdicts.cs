using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Mail;

/// <summary>A short fingerprint of what a report says (the set of warnings and errors: severity, code, place): two
/// reports with the same fingerprint tell the member the same thing; a different one means the report must be issued
/// again. Roster findings count by code only (found at ingestion they point at the SIREN cell, at consolidation at the
/// sheet): the same finding either way.</summary>
public static class Verdicts
{
    public static bool IsRosterCode(string code) =>
        code is IssueCodes.MemberNotInRoster or IssueCodes.MandateMissing;

    public static string Of(IEnumerable<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        IEnumerable<string> lines = issues
            .Where(i => i.Severity != Severity.Info && i.Code != IssueCodes.FileDuplicate)
            .Select(i => IsRosterCode(i.Code)
                ? $"{i.Severity}|{i.Code}"
                : string.Create(CultureInfo.InvariantCulture, $"{i.Severity}|{i.Code}|{i.Sheet}|{i.Row}|{i.Column}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return Convert.ToHexStringLower(hash)[..16];
    }
}
