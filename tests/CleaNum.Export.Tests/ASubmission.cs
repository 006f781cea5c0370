using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Export.Tests;

/// <summary>Test-data builders for submissions and issues (built directly, not through the validators).</summary>
internal static class ASubmission
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static Submission Accepted(params Issue[] issues) => new()
    {
        Id = 7,
        FileName = "acme-formation.xlsx",
        Sha256 = new string('a', 64),
        ReceivedAtUtc = new DateTime(2026, 11, 23, 9, 15, 0, DateTimeKind.Utc),
        Size = 12_345,
        Status = issues.Any(i => i.Severity == Severity.Error) ? SubmissionStatus.Refused
            : issues.Any(i => i.Severity == Severity.Warning) ? SubmissionStatus.AcceptedWithWarnings
            : SubmissionStatus.Accepted,
        Campaign = 2026,
        Version = 2,
        Siren = "732829320",
        MemberName = "ACME Formation",
        Data = new MemberData(new MemberOrganisation { Name = "ACME Formation", Siren = "732829320" }, [], [], []),
        Issues = issues,
    };

    public static Submission Unreadable() => new()
    {
        FileName = "dossier cléa.xlsx",
        Sha256 = new string('b', 64),
        ReceivedAtUtc = new DateTime(2026, 11, 23, 9, 15, 0, DateTimeKind.Utc),
        Status = SubmissionStatus.Refused,
        Campaign = 2026,
        Version = 0,
        Issues =
        [
            new Issue(Severity.Error, IssueCodes.FileUnreadable, null, null, null, null,
                "Le fichier n'a pas pu être lu (archive endommagée).", "Enregistrez-le de nouveau au format .xlsx."),
        ],
    };

    public static Issue Error(string code, string? sheet, int? row, string? letters, string? column = null, string? value = null) =>
        new(Severity.Error, code, sheet, row, column, value, $"Message {code} {sheet} {row}", $"Conseil {code}")
        {
            CellAddress = letters,
        };

    public static Issue Warning(string code, string? sheet, int? row, string? letters, string? column = null, string? value = null) =>
        new(Severity.Warning, code, sheet, row, column, value, $"Avertissement {code} {sheet} {row}", null)
        {
            CellAddress = letters,
        };
}
