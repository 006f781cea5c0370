using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Consolidation;

/// <summary>
/// The one network size of the CV rule (annex.md « What counts »): the number of distinct SIRENs of the roster when
/// <c>reseau.xlsx</c> exists, else the number of members (SIRENs) that sent a file. Ingestion (CV_*_MISSING severity)
/// and consolidation (CV sample rule) both ask this class, with the same threshold.
/// </summary>
public static class NetworkSize
{
    /// <param name="roster">The roster, when <c>reseau.xlsx</c> exists.</param>
    /// <param name="membersWithFile">Distinct SIRENs that sent at least one file in the campaign (any status).</param>
    public static int Of(NetworkRoster? roster, int membersWithFile) =>
        roster?.DistinctMemberCount ?? membersWithFile;

    /// <summary>Above the threshold the percentage rule applies and a missing CV is a warning.</summary>
    public static bool IsLarge(int networkSize, int threshold) => networkSize > threshold;

    /// <summary>CV_*_MISSING is an error up to the threshold, a warning above (rules.md): a stored finding gets the
    /// severity of the network size as it is now, so ingestion, consolidation and a re-issued report never apply two
    /// rules.</summary>
    public static Issue WithCvSeverity(Issue issue, bool largeNetwork)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Code is not (IssueCodes.CvEvaluatorMissing or IssueCodes.CvTrainerMissing))
        {
            return issue;
        }

        Severity severity = largeNetwork ? Severity.Warning : Severity.Error;
        return issue.Severity == severity ? issue : issue with { Severity = severity };
    }

    /// <summary>How the size was counted, in French (« 60 membres d'après la liste du réseau (reseau.xlsx) »).</summary>
    public static string Describe(int networkSize, bool fromRoster) =>
        fromRoster
            ? $"{networkSize} membre{(networkSize > 1 ? "s" : "")} d'après la liste du réseau (reseau.xlsx)"
            : $"{networkSize} membre{(networkSize > 1 ? "s" : "")} ayant déposé un fichier (pas de liste du réseau)";
}
