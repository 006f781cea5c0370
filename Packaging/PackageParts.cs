namespace CleaNum.Packaging;

/// <summary>
/// Two things read straight from an Open XML package's parts, by the reader (formula errors, Import's
/// <c>ErrorCellScanner</c>) and by the annotated copy (Export's <c>MemberPackage</c>, <c>PackagePatch</c>) alike: where a
/// relationship points, and whether a part's bytes hold a given text. Zip plumbing, not domain: it left Core. Import and
/// Export never reference each other, so this one source file is compiled into both (linked from their .csproj).
/// </summary>
internal static class PackageParts
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>A relationship target resolved against its source part: "worksheets/sheet1.xml" from "xl/workbook.xml"
    /// is "xl/worksheets/sheet1.xml"; "/xl/…" is absolute; ".." climbs. The result has no leading slash.</summary>
    public static string ResolveTarget(string sourcePart, string target)
    {
        ArgumentNullException.ThrowIfNull(sourcePart);
        ArgumentNullException.ThrowIfNull(target);
        target = Uri.UnescapeDataString(target.Replace('\\', '/'));
        var parts = new List<string>();
        if (!target.StartsWith('/'))
        {
            parts.AddRange(sourcePart.Split('/')[..^1]);
        }

        foreach (string segment in target.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment != ".")
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>Whether <paramref name="stream"/> holds any of <paramref name="patterns"/> (raw bytes), read 64 KB at a
    /// time without decoding: a pattern cut by a chunk boundary is found in the next chunk.</summary>
    public static bool Contains(Stream stream, params byte[][] patterns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(patterns);
        int overlap = patterns.Max(p => p.Length) - 1;
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkBytes + overlap); // every sheet of every file: no 64 KB of garbage each
        try
        {
            return Contains(stream, patterns, buffer, overlap);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool Contains(Stream stream, byte[][] patterns, byte[] buffer, int overlap)
    {
        int kept = 0;
        int read;
        while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            ReadOnlySpan<byte> chunk = buffer.AsSpan(0, kept + read);
            foreach (byte[] pattern in patterns)
            {
                if (chunk.IndexOf(pattern) >= 0)
                {
                    return true;
                }
            }

            kept = Math.Min(overlap, chunk.Length);
            chunk[^kept..].CopyTo(buffer);
        }

        return false;
    }
}
