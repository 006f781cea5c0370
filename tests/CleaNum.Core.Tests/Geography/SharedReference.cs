using System.Runtime.CompilerServices;

namespace CleaNum.Core.Tests.Geography;

/// <summary>
/// Locates <c>shared/reference</c>: the first ancestor holding <c>shared/corpus/excel</c>, searched from the test
/// binaries and then from this source file (the binaries may live under an <c>--artifacts-path</c> elsewhere).
/// </summary>
internal static class SharedReference
{
    public static string Directory { get; } = Locate();

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.Directory.Exists(Path.Combine(dir.FullName, "shared", "corpus", "excel")))
                {
                    return Path.Combine(dir.FullName, "shared", "reference");
                }
            }
        }

        throw new DirectoryNotFoundException("No ancestor of the test directory contains shared/corpus/excel.");
    }
}
