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
        string expected = "generator 1; template " + (template is null ? "-" : TemplateIdentity(template));
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

    /// <summary>
    /// The template's content: every part's bytes but the core properties, whose part name System.IO.Packaging draws at
    /// random (and <c>_rels/.rels</c>, which names it). Hashing the whole file regenerated the template corpus on every
    /// run, and deleting its 1,000 files just before the template measures cost them kernel time (see
    /// <see cref="Leftovers"/>).
    /// </summary>
    private static string TemplateIdentity(string template)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(template);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (entry.FullName.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) || entry.FullName == "_rels/.rels")
            {
                continue;
            }

            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(entry.FullName));
            using var content = new MemoryStream();
            using (Stream part = entry.Open())
            {
                part.CopyTo(content);
            }

            hash.AppendData(content.ToArray());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
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
