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

    private static readonly Lazy<string?> Root = new(() => Locate([AppContext.BaseDirectory, SourceDirectory()]));

    /// <summary>The <c>shared</c> folder, or null when there is none above the tests.</summary>
    public static string? Path => Root.Value;

    public static bool Available => Root.Value is not null;

    /// <summary>A path under <c>shared</c>; throws with <see cref="SkipReason"/> when the folder is absent.</summary>
    public static string Combine(params string[] parts) =>
        System.IO.Path.Combine([Root.Value ?? throw new DirectoryNotFoundException(SkipReason), .. parts]);

    /// <summary>The skip reason of a test that reads <c>shared</c> found at <paramref name="root"/>: null when it was
    /// found, <see cref="SkipReason"/> otherwise.</summary>
    public static string? SkipFor(string? root) => root is null ? SkipReason : null;

    /// <summary>The first <c>shared</c> folder (one holding <c>corpus/excel</c>) beside one of <paramref name="starts"/>
    /// or one of their parents, not above <paramref name="ceiling"/> when given; null when there is none.</summary>
    public static string? Locate(IEnumerable<string> starts, string? ceiling = null)
    {
        foreach (string start in starts)
        {
            string? top = ceiling is null ? null : System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(ceiling));
            for (DirectoryInfo? dir = start.Length > 0 ? new(start) : null; dir is not null; dir = dir.FullName == top ? null : dir.Parent)
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

    private static string SourceDirectory([CallerFilePath] string sourceFile = "") => System.IO.Path.GetDirectoryName(sourceFile) ?? "";
}

/// <summary>A fact that reads <c>../shared</c>: skipped, with the reason, when the folder is absent.</summary>
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
        : this(SharedFolder.Path)
    {
    }

    /// <summary>Skipped, with the reason, when <paramref name="sharedRoot"/> (the located folder) is null.</summary>
    internal SharedFactAttribute(string? sharedRoot)
    {
        Skip = SharedFolder.SkipFor(sharedRoot);
    }
}

/// <summary>A theory that reads <c>../shared</c> (its data included): skipped, with the reason, when the folder is absent.</summary>
internal sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
        : this(SharedFolder.Path)
    {
    }

    /// <summary>Skipped, with the reason, when <paramref name="sharedRoot"/> (the located folder) is null.</summary>
    internal SharedTheoryAttribute(string? sharedRoot)
    {
        Skip = SharedFolder.SkipFor(sharedRoot);
    }
}
