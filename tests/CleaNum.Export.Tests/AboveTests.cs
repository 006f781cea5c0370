namespace CleaNum.Export.Tests;

/// <summary>Files found above the test binaries: the repository's sample-data/ and the shared corpus beside the clone.</summary>
internal static class AboveTests
{
    /// <summary>The first existing path <paramref name="relativePath"/> (file or folder) under an ancestor of the test
    /// folder, or null.</summary>
    public static string? Find(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, relativePath);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string CorpusFolder => SharedFolder.Combine("corpus", "excel");

    public static string CorpusFile(string relativePath) => Path.Combine(CorpusFolder, relativePath);

    public static string SampleData(string name) => Find(Path.Combine("sample-data", name))
        ?? throw new FileNotFoundException("sample-data not found above the test folder", name);
}
