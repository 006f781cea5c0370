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

    /// <summary>Longest name written by the service, in UTF-8 bytes: Linux allows 255, and <see cref="FinalPath"/>
    /// adds a 13-byte prefix.</summary>
    public const int MaxNameBytes = 200;

    /// <summary>rwxr-x---: the folders the service creates (service.md: readable by its own account only).</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

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

    /// <summary>E-mails written in Outbox mode, one folder per day (<c>envois/&lt;aaaa-mm-jj&gt;/</c>).</summary>
    public string Outbox => Path.Combine(Root, "envois");

    public string RosterPath => Path.Combine(Root, Core.Workbook.NetworkWorkbookSchema.FileName);

    public string DatabasePath => Path.Combine(Root, "cleanum.db");

    /// <summary>Creates the folders that do not exist yet.</summary>
    public DataFolder EnsureCreated()
    {
        foreach (string folder in new[] { Root, Depot, InProgress, Archives, Refused, Reports, Annex })
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, FolderMode);
            }
        }

        return this;
    }

    /// <summary>Removes the temporary files of interrupted writes (<c>*.tmp.xlsx</c>, <c>*.tmp.docx</c>) under
    /// <c>annexe/</c> and <c>rapports/</c>; returns how many. Only safe while nothing else writes there (start-up of
    /// <c>run</c>, which holds the data folder).</summary>
    public int RemoveDebris()
    {
        int removed = 0;
        foreach (string folder in new[] { Annex, Reports, Root })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var options = new EnumerationOptions { RecurseSubdirectories = folder != Root, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (string file in Directory.EnumerateFiles(folder, "*.tmp.*", options))
            {
                if (!file.EndsWith(".tmp.xlsx", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".tmp.docx", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                try
                {
                    File.Delete(file);
                    removed++;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // left for the next start
                }
            }
        }

        return removed;
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="maxBytes"/> UTF-8 bytes, never inside a
    /// character (a surrogate pair stays whole).</summary>
    public static string CutToBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        int bytes = 0;
        int end = 0;
        while (end < text.Length)
        {
            int length = char.IsHighSurrogate(text[end]) && end + 1 < text.Length && char.IsLowSurrogate(text[end + 1]) ? 2 : 1;
            int size = Encoding.UTF8.GetByteCount(text.AsSpan(end, length));
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            end += length;
        }

        return text[..end];
    }

    /// <summary>True when <paramref name="path"/> lies inside <paramref name="folder"/> (after normalisation).</summary>
    public static bool IsInside(string path, string folder)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal);
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
    /// A file name that cannot leave its folder: no separators, no "..", no control characters, no lone surrogate, not
    /// empty, at most 120 characters and <see cref="MaxNameBytes"/> UTF-8 bytes; the extension is kept.
    /// </summary>
    public static string SafeFileName(string name)
    {
        string fileName = Path.GetFileName(name.Replace('\\', '/'));
        var builder = new StringBuilder(fileName.Length);
        foreach (char c in fileName)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '\uFFFD' ? '_' : c);
        }

        // keep well-formed surrogate pairs (emoji) that the loop above replaced
        for (int i = 0; i + 1 < fileName.Length && i + 1 < builder.Length; i++)
        {
            if (char.IsHighSurrogate(fileName[i]) && char.IsLowSurrogate(fileName[i + 1]))
            {
                builder[i] = fileName[i];
                builder[i + 1] = fileName[i + 1];
                i++;
            }
        }

        string safe = builder.ToString().Trim().TrimStart('.');
        if (safe.Length == 0)
        {
            safe = "fichier";
        }

        if (safe.Length > 120 || Encoding.UTF8.GetByteCount(safe) > MaxNameBytes)
        {
            string extension = Path.GetExtension(safe);
            extension = extension.Length > 10 ? "" : extension;
            string stem = safe[..^extension.Length];
            stem = stem[..Math.Min(stem.Length, 120 - extension.Length)];
            if (stem.Length > 0 && char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }

            safe = CutToBytes(stem, MaxNameBytes - Encoding.UTF8.GetByteCount(extension)) + extension;
        }

        return safe;
    }
}
