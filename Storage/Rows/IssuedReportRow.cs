using CleaNum.Core.Ports;

namespace CleaNum.Storage.Rows;

/// <summary>Table <c>member_report</c>.</summary>
internal sealed class IssuedReportRow
{
    public long Id { get; set; }
    public string? Siren { get; set; }
    public long SubmissionId { get; set; }
    public string Reason { get; set; } = "";
    public string ReportPath { get; set; } = "";
    public string? AnnotatedPath { get; set; }
    public string Verdict { get; set; } = "";
    public long ErrorCount { get; set; }
    public long WarningCount { get; set; }
    public DateTime IssuedAtUtc { get; set; }

    public static IssuedReportRow From(IssuedReport r) => new()
    {
        Siren = r.Siren,
        SubmissionId = r.SubmissionId,
        Reason = MailCodes.ToCode(r.Reason),
        ReportPath = r.ReportPath,
        AnnotatedPath = r.AnnotatedPath,
        Verdict = r.Verdict,
        ErrorCount = r.ErrorCount,
        WarningCount = r.WarningCount,
        IssuedAtUtc = r.IssuedAtUtc,
    };

    public IssuedReport ToDomain() => new()
    {
        Id = Id,
        Siren = Siren,
        SubmissionId = SubmissionId,
        Reason = MailCodes.ToKind(Reason),
        ReportPath = ReportPath,
        AnnotatedPath = AnnotatedPath,
        Verdict = Verdict,
        ErrorCount = checked((int)ErrorCount),
        WarningCount = checked((int)WarningCount),
        IssuedAtUtc = IssuedAtUtc,
    };
}
