using System.Globalization;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Storage;

/// <summary>Text codes stored for enums, readable in SQL (the JSON names of service.md), and the "1;3" domain lists.</summary>
internal static class StorageCodes
{
    public static string ToCode(SubmissionStatus status) => ServiceCodes.Of(status);

    public static SubmissionStatus ToStatus(string code) => ServiceCodes.ToStatus(code);

    public static string ToCode(Severity severity) => ServiceCodes.Of(severity);

    public static Severity ToSeverity(string code) => ServiceCodes.ToSeverity(code);

    public static string ToCode(IntervenantRole role) => role switch
    {
        IntervenantRole.None => "none",
        IntervenantRole.Evaluator => "evaluator",
        IntervenantRole.Trainer => "trainer",
        IntervenantRole.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static IntervenantRole ToRole(string code) => code switch
    {
        "none" => IntervenantRole.None,
        "evaluator" => IntervenantRole.Evaluator,
        "trainer" => IntervenantRole.Trainer,
        "both" => IntervenantRole.Both,
        _ => throw new InvalidDataException($"Unknown intervenant role '{code}'."),
    };

    public static string ToCode(IReadOnlyList<CleaDomain> domains) =>
        string.Join(';', domains.Select(d => ((int)d).ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<CleaDomain> ToDomains(string code) =>
        code.Length == 0
            ? []
            : [.. code.Split(';').Select(part => (CleaDomain)int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture))];

    public static DateTime? ToDateTime(DateOnly? date) =>
        date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static DateOnly? ToDateOnly(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    public static int? ToInt(long? value) => value is { } v ? checked((int)v) : null;
}
