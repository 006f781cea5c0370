namespace CleaNum.Core.Domain;

/// <summary>
/// One row of the optional <c>Activite</c> sheet: form 3.2 « Chiffres clés » of the previous habilitation period for
/// one year. A count left empty (or unreadable: NUMBER_FORMAT says why) is null.
/// </summary>
public sealed record ActivityYear(
    int Row,
    int? Year,
    int? Registered,
    int? PriorEvaluations,
    int? FinalEvaluations,
    int? Certified);
