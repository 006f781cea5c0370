namespace CleaNum.Benchmarks.Export;

/// <summary>The repository's sample-data folder, found from the working directory or the binary upwards.</summary>
internal static class SampleData
{
    public static string Folder()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, "sample-data");
                if (File.Exists(Path.Combine(candidate, "erreurs-typiques-formanord.xlsx")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("sample-data not found: run from the repository (or set the working directory to it).");
    }
}
