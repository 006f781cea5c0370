using CleaNum.Core.Issues;

namespace CleaNum.Core.Domain;

/// <summary>
/// The text codes of service.md for a file's status and an issue's severity: the JSON output, the stored rows and the
/// dashboard all say "accepted_with_warnings" and "warning" through this one table.
/// </summary>
public static class ServiceCodes
{
    public static string Of(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "accepted",
        SubmissionStatus.AcceptedWithWarnings => "accepted_with_warnings",
        SubmissionStatus.Refused => "refused",
        SubmissionStatus.Duplicate => "duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static SubmissionStatus ToStatus(string code) => code switch
    {
        "accepted" => SubmissionStatus.Accepted,
        "accepted_with_warnings" => SubmissionStatus.AcceptedWithWarnings,
        "refused" => SubmissionStatus.Refused,
        "duplicate" => SubmissionStatus.Duplicate,
        _ => throw new InvalidDataException($"Unknown submission status '{code}'."),
    };

    public static string Of(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static Severity ToSeverity(string code) => code switch
    {
        "info" => Severity.Info,
        "warning" => Severity.Warning,
        "error" => Severity.Error,
        _ => throw new InvalidDataException($"Unknown severity '{code}'."),
    };
}
