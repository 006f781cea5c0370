using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;
using Act = CleaNum.Core.Workbook.MemberWorkbookSchema.Act;

namespace CleaNum.Core.Validation;

/// <summary>
/// Rules of one <c>Activite</c> row (form 3.2 « Chiffres clés »): counts are integers ≥ 0 (NUMBER_FORMAT, generic),
/// the year as for references (YEAR_INVALID), and ACTIVITY_INCONSISTENT (warning) when the year has more certified
/// persons than final evaluations (on « Personnes certifiées ») or more final than prior evaluations (on
/// « Évaluations finales »). A count left empty is not compared.
/// </summary>
internal sealed class ActivityValidator : SheetRecordValidator<ActivityRecord>
{
    public ActivityValidator()
        : base(MemberWorkbookSchema.Activite)
    {
        FixedRule(
            Act.Year,
            IssueCodes.YearInvalid,
            r => YearRange.IsValid(r, Act.Year, r.Settings),
            r => YearRange.Message(r, Act.Year, r.Settings));

        FixedRule(
            Act.Certified,
            IssueCodes.ActivityInconsistent,
            r => !(Count(r, Act.Certified) is { } certified && Count(r, Act.FinalEvaluations) is { } final && certified > final),
            r => $"{Year(r)}{Count(r, Act.Certified)} personne(s) certifiée(s) pour {Count(r, Act.FinalEvaluations)} évaluation(s) finale(s) : "
                 + "on ne peut certifier plus de personnes qu'on n'a fait d'évaluations finales.");

        FixedRule(
            Act.FinalEvaluations,
            IssueCodes.ActivityInconsistent,
            r => !(Count(r, Act.FinalEvaluations) is { } final && Count(r, Act.PriorEvaluations) is { } prior && final > prior),
            r => $"{Year(r)}{Count(r, Act.FinalEvaluations)} évaluation(s) finale(s) pour {Count(r, Act.PriorEvaluations)} évaluation(s) préalable(s) : "
                 + "chaque évaluation finale suit une évaluation préalable.");
    }

    private static int? Count(ActivityRecord r, string key) => r.TryParse(key, out int value) ? value : null;

    private static string Year(ActivityRecord r) =>
        r.TryParse(Act.Year, out int year) ? $"En {year}, " : "";
}
