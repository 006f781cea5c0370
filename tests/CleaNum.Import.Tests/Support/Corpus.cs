namespace CleaNum.Import.Tests.Support;

/// <summary>The shared Excel corpus (<c>shared/corpus/excel</c>, see <see cref="SharedFolder"/>): tests using it are [SharedFact]/[SharedTheory].</summary>
internal static class Corpus
{
    public static string Folder => SharedFolder.Combine("corpus", "excel");

    public static bool Available => SharedFolder.Available;

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
