using CleaNum.Core.Domain;

namespace CleaNum.Storage.Rows;

/// <summary>Table <c>activity</c>: one row of the optional Activite sheet (form 3.2 « Chiffres clés »).</summary>
internal sealed class ActivityRow
{
    public long SubmissionId { get; set; }
    public long Ordinal { get; set; }
    public long SheetRow { get; set; }
    public long? Year { get; set; }
    public long? Registered { get; set; }
    public long? PriorEvaluations { get; set; }
    public long? FinalEvaluations { get; set; }
    public long? Certified { get; set; }

    public static ActivityRow From(long submissionId, int ordinal, ActivityYear a) => new()
    {
        SubmissionId = submissionId,
        Ordinal = ordinal,
        SheetRow = a.Row,
        Year = a.Year,
        Registered = a.Registered,
        PriorEvaluations = a.PriorEvaluations,
        FinalEvaluations = a.FinalEvaluations,
        Certified = a.Certified,
    };

    public ActivityYear ToDomain() => new(
        checked((int)SheetRow), StorageCodes.ToInt(Year), StorageCodes.ToInt(Registered), StorageCodes.ToInt(PriorEvaluations),
        StorageCodes.ToInt(FinalEvaluations), StorageCodes.ToInt(Certified));
}
