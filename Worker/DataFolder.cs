using System.Globalization;
using System.Text;

namespace CleaNum.Worker;

/// <summary>
/// The data folder of <c>service.md</c>: <c>depot/ en-cours/ archives/ refuses/ rapports/ annexe/</c>, the roster
/// <c>reseau.xlsx</c> and the SQLite database. Every name that comes from a member goes through
/// <see cref="SafeFileName"/> so nothing can escape the folder.
/// </summary>
internal sealed class DataFolder
{
    public const string DefaultPath = "cleanum-data";

    public DataFolder(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Depot => Path.Combine(Root, "depot");

    public string InProgress => Path.Combine(Root, "en-cours");

    public string Archives => Path.Combine(Root, "archives");

    public string Refused => Path.Combine(Root, "refuses");

    public string Reports => Path.Combine(Root, "rapports");

    public string Annex => Path.Combine(Root, "annexe");

    public string RosterPath => Path.Combine(Root, Core.Workbook.NetworkWorkbookSchema.FileName);

    public string DatabasePath => Path.Combine(Root, "cleanum.db");

    /// <summary>Creates the folders that do not exist yet.</summary>
    public DataFolder EnsureCreated()
    {
        foreach (string folder in new[] { Root, Depot, InProgress, Archives, Refused, Reports, Annex })
        {
            Directory.CreateDirectory(folder);
        }

        return this;
    }

    /// <summary>True when <paramref name="path"/> lies inside <paramref name="folder"/> (after normalisation; without
    /// case on Windows, where <c>D:\Données\Depot</c> and <c>d:\données\depot</c> are one folder).</summary>
    public static bool IsInside(string path, string folder) => IsInside(path, folder, FileErrors.PathComparison);

    internal static bool IsInside(string path, string folder, StringComparison comparison)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, comparison);
    }

    /// <summary>
    /// <c>archives/&lt;aaaa&gt;/&lt;mm&gt;/&lt;sha256 prefix&gt;-&lt;original name&gt;</c> (same under <c>refuses/</c>).
    /// </summary>
    public string FinalPath(bool refused, DateTimeOffset receivedAt, string sha256, string originalName)
    {
        string folder = Path.Combine(
            refused ? Refused : Archives,
            receivedAt.Year.ToString("D4", CultureInfo.InvariantCulture),
            receivedAt.Month.ToString("D2", CultureInfo.InvariantCulture));
        return Path.Combine(folder, $"{sha256[..12]}-{SafeFileName(originalName)}");
    }

    /// <summary>The report folder of a member: <c>rapports/&lt;SIREN or file stem&gt;</c>.</summary>
    public string ReportFolder(string? siren, string originalName) =>
        Path.Combine(Reports, siren ?? SafeFileName(Path.GetFileNameWithoutExtension(originalName)));

    /// <summary>
    /// A file name that cannot leave its folder: no separators, no "..", no control characters, not empty, at most
    /// 120 characters; the extension is kept.
    /// </summary>
    public static string SafeFileName(string name)
    {
        string fileName = Path.GetFileName(name.Replace('\\', '/'));
        var builder = new StringBuilder(fileName.Length);
        foreach (char c in fileName)
        {
            builder.Append(char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        }

        string safe = builder.ToString().Trim().TrimStart('.');
        if (safe.Length == 0)
        {
            safe = "fichier";
        }

        if (safe.Length > 120)
        {
            string extension = Path.GetExtension(safe);
            extension = extension.Length > 10 ? "" : extension;
            safe = safe[..(120 - extension.Length)] + extension;
        }

        return safe;
    }
}
