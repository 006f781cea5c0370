using CleaNum.Core;
using System.Globalization;

namespace CleaNum.Export.Annex;

/// <summary>Names of the files written into <c>annexe/</c>.</summary>
internal static class AnnexFileNames
{
    /// <summary>The network head's name with accents removed and anything but letters, digits and '-' replaced by '_'
    /// (no path can escape the folder); "Reseau" when nothing is left.</summary>
    public static string HeadPart(string? headName)
    {
        string part = FrenchText.FileNamePart(headName, 60);
        return part.Length == 0 ? "Reseau" : part;
    }

    /// <summary><c>CleANum-&lt;TeteDeReseau&gt;-PJ1-&lt;jjmmaa&gt;.xlsx</c>, the date in Paris time.</summary>
    public static string Annex(string? headName, DateTimeOffset generatedAt) => Attachment(headName, 1, generatedAt, "xlsx");

    /// <summary><c>CleANum-&lt;TeteDeReseau&gt;-PJ2-&lt;jjmmaa&gt;.docx</c>: the CVs.</summary>
    public static string Cvs(string? headName, DateTimeOffset generatedAt) => Attachment(headName, 2, generatedAt, "docx");

    /// <summary><c>CleANum-&lt;TeteDeReseau&gt;-PJ3-&lt;jjmmaa&gt;.docx</c>: the form's tables.</summary>
    public static string Tables(string? headName, DateTimeOffset generatedAt) => Attachment(headName, 3, generatedAt, "docx");

    private static string Attachment(string? headName, int number, DateTimeOffset generatedAt, string extension) =>
        $"CleANum-{HeadPart(headName)}-PJ{number}-{ParisTime.ToParis(generatedAt).ToString("ddMMyy", CultureInfo.InvariantCulture)}.{extension}";

    /// <summary><c>CleANum-&lt;TeteDeReseau&gt;-Etat-des-membres.xlsx</c>: one file, always the latest state.</summary>
    public static string Status(string? headName) => $"CleANum-{HeadPart(headName)}-Etat-des-membres.xlsx";
}
