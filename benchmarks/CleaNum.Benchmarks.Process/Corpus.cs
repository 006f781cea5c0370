using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CleaNum.Benchmarks.Ingest;

namespace CleaNum.Benchmarks.Process;

/// <summary>The generated member workbooks, kept between runs (regenerated when the template changed).</summary>
internal static class Corpus
{
    public static string Ensure(string work, string name, int count, string? template)
    {
        string folder = Path.Combine(work, $"corpus-{name}-{count}");
        string stamp = Path.Combine(work, $"corpus-{name}-{count}.done");
        string expected = "generator 1; template " + (template is null ? "-" : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(template))));
        if (File.Exists(stamp) && File.ReadAllText(stamp) == expected)
        {
            return folder;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            IngestWorkbookGenerator.Write(Path.Combine(folder, $"membre-{i:D5}.xlsx"), i, establishments: 5, people: 6, references: 3, template);
        }

        File.WriteAllText(stamp, expected);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {count} {name} workbooks in {watch.Elapsed.TotalSeconds:F0} s"));
        return folder;
    }

    /// <summary>Every file ended in archives/ or refuses/, nothing left behind.</summary>
    public static void ExpectFinished(string data, int count)
    {
        int done = Finished(data);
        int left = CountFiles(Path.Combine(data, "depot")) + CountFiles(Path.Combine(data, "en-cours"));
        if (done != count || left != 0)
        {
            throw new InvalidOperationException($"{done} of {count} files finished, {left} left in depot/ or en-cours/ ({data})");
        }
    }

    public static int Finished(string data) =>
        CountFiles(Path.Combine(data, "archives")) + CountFiles(Path.Combine(data, "refuses"));

    private static int CountFiles(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
}
