namespace CleaNum.Worker.Web;

/// <summary>The only files the dashboard serves: regular files under <c>rapports/</c> and <c>annexe/</c> of the data
/// folder, named by a relative path of plain segments. Anything else (<c>..</c>, encoded or not, backslashes, absolute
/// paths, drive letters, hidden names, a symbolic link anywhere on the way) is "not found".</summary>
internal static class DownloadableFiles
{
    public static readonly string[] Folders = ["rapports", "annexe"];

    /// <summary>The full path of the file, or null when the request names anything that must not be served.</summary>
    public static string? Resolve(DataFolder data, string? relative)
    {
        if (string.IsNullOrEmpty(relative) || relative.Length > 1024)
        {
            return null;
        }

        string[] segments = relative.Split('/');
        if (segments.Length < 2 || !Folders.Contains(segments[0], StringComparer.Ordinal) || !segments.All(IsPlainSegment))
        {
            return null;
        }

        string current = data.Root;
        if (IsLink(current))
        {
            return null;
        }

        foreach (string segment in segments)
        {
            current = Path.Combine(current, segment);
            if (IsLink(current))
            {
                return null;
            }
        }

        string full = Path.GetFullPath(current);
        string allowedRoot = Path.Combine(data.Root, segments[0]);
        return DataFolder.IsInside(full, allowedRoot) && File.Exists(full) ? full : null;
    }

    /// <summary>The relative path of a file inside the data folder, with forward slashes, for a link.</summary>
    public static string Link(DataFolder data, string fullPath) =>
        "/fichiers/" + string.Join('/', Path.GetRelativePath(data.Root, fullPath).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));

    public static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xlsm" => "application/vnd.ms-excel.sheet.macroEnabled.12",
        ".xls" => "application/vnd.ms-excel",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".pdf" => "application/pdf",
        ".csv" => "text/csv",
        _ => "application/octet-stream",
    };

    private static bool IsPlainSegment(string segment) =>
        segment.Length > 0
        && segment[0] != '.' // "..", ".", hidden files
        && segment.IndexOfAny(['\\', ':', '\0']) < 0
        && !segment.Any(char.IsControl);

    private static bool IsLink(string path)
    {
        var info = new FileInfo(path);
        return info.Exists || Directory.Exists(path) ? info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint) : false;
    }
}
