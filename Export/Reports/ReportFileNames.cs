using CleaNum.Core;
using CleaNum.Core.Domain;

namespace CleaNum.Export.Reports;

/// <summary><c>CleANum-&lt;Membre&gt;-Rapport-&lt;jjmmaa&gt;.xlsx</c> and its annotated copy.</summary>
internal static class ReportFileNames
{
    private const int MaxMemberLength = 60;

    /// <summary>Member name without accents, anything but letters, digits and '-' replaced by '_'; falls back to the
    /// received file's stem, then to "Membre". Never contains a path separator or "..".</summary>
    public static string MemberPart(Submission submission, string? originalPath)
    {
        string[] candidates =
        [
            submission.MemberName ?? "",
            submission.Data?.Organisation.Name ?? "",
            Path.GetFileNameWithoutExtension(submission.FileName ?? ""),
            Path.GetFileNameWithoutExtension(originalPath ?? ""),
        ];
        foreach (string candidate in candidates)
        {
            string part = FrenchText.FileNamePart(candidate, MaxMemberLength);
            if (part.Length > 0)
            {
                return part;
            }
        }

        return "Membre";
    }

    public static string DatePart(DateTimeOffset generatedAt) =>
        ParisTime.ToParis(generatedAt).ToString("ddMMyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Report(string member, DateTimeOffset generatedAt) =>
        $"CleANum-{member}-Rapport-{DatePart(generatedAt)}.xlsx";

    public static string Annotated(string member, DateTimeOffset generatedAt) =>
        $"CleANum-{member}-Rapport-{DatePart(generatedAt)}-Annote.xlsx";
}
