using System.Runtime.CompilerServices;

namespace CleaNum.Tests;

/// <summary>
/// <c>../shared</c> beside the clone (the spec, the reference data and the Excel corpus), found by walking up from the
/// test binaries and then from this source file (binaries may live under an <c>--artifacts-path</c> elsewhere). Tests
/// that read it are <see cref="SharedFactAttribute"/> / <see cref="SharedTheoryAttribute"/>: without the folder they are
/// reported skipped with <see cref="SkipReason"/>, never silently dropped or failed one by one.
/// </summary>
internal static class SharedFolder
{
    public const string SkipReason =
        "needs ../shared (spec, reference data, Excel corpus) beside the clone: not found above the test folder";

    private static readonly Lazy<string?> Root = new(() => Locate());

    /// <summary>The <c>shared</c> folder, or null when there is none above the tests.</summary>
    public static string? Path => Root.Value;

    public static bool Available => Root.Value is not null;

    /// <summary>A path under <c>shared</c>; throws with <see cref="SkipReason"/> when the folder is absent.</summary>
    public static string Combine(params string[] parts) =>
        System.IO.Path.Combine([Root.Value ?? throw new DirectoryNotFoundException(SkipReason), .. parts]);

    private static string? Locate([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (DirectoryInfo? dir = start.Length > 0 ? new(start) : null; dir is not null; dir = dir.Parent)
            {
                string candidate = System.IO.Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(System.IO.Path.Combine(candidate, "corpus", "excel")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A fact that reads <c>../shared</c>: skipped, with the reason, when the folder is absent.</summary>
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (!SharedFolder.Available)
        {
            Skip = SharedFolder.SkipReason;
        }
    }
}

/// <summary>A theory that reads <c>../shared</c> (its data included): skipped, with the reason, when the folder is absent.</summary>
internal sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (!SharedFolder.Available)
        {
            Skip = SharedFolder.SkipReason;
        }
    }
}
