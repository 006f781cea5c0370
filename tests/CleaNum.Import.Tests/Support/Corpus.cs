namespace CleaNum.Import.Tests.Support;

/// <summary>The shared Excel corpus (<c>shared/corpus/excel</c>), found by walking up from the test binaries.</summary>
internal static class Corpus
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", "corpus", "excel");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    });

    public static string Folder => Root.Value ?? throw new InvalidOperationException("shared/corpus/excel not found above " + AppContext.BaseDirectory);

    public static bool Available => Root.Value is not null;

    /// <summary>Full path of a corpus file given relative to the corpus root ("poi/SampleSS.ods").</summary>
    public static string File(string relativePath) => Path.Combine(Folder, relativePath);

    /// <summary>Every file of the corpus except its documentation, relative to the root, sorted.</summary>
    public static IEnumerable<string> AllFiles() =>
        Available
            ? Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
                .Where(p => !string.Equals(Path.GetFileName(p), "SOURCES.md", StringComparison.Ordinal))
                .Select(p => Path.GetRelativePath(Folder, p).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
            : [];
}
