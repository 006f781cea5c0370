using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CleaNum.Core.Workbook;
using static CleaNum.Export.Reports.PackageXml;
using CleaNum.Packaging;

namespace CleaNum.Export.Reports;

/// <summary>
/// The member's package as it was received: entries by part name (case-insensitive, as OPC names are), read as XML or
/// bytes, and copied to the annotated copy with some parts replaced and some added. <c>bytes</c> is the package as
/// <paramref name="zip"/> reads it, for copying unchanged entries without inflating them (null: every entry is inflated
/// and deflated again through <see cref="ZipArchive"/>, the way the copy was written before; tests and benchmarks compare
/// the two).
/// </summary>
/// <remarks>
/// Read with <see cref="ZipArchive"/> rather than the Open XML SDK's part API, on purpose: the copy must keep every part
/// it does not change byte for byte and under its own name. Measured with the SDK 2.20 over the corpus: it opens for
/// editing exactly the packages it opens for reading (205 of 249), but refuses some that ExcelDataReader reads (its own
/// test files with a part of an unexpected content type, or backslashes in part names), and its
/// <c>ChangeDocumentType</c> (the .xlsm → .xlsx switch) re-creates the workbook part as <c>xl/workbook2.xml</c>, a name
/// ExcelDataReader 3.6 does not look for when the member sends the annotated copy back.
/// </remarks>
internal sealed class MemberPackage(ZipArchive zip, byte[]? bytes)
{
    /// <summary>Parts up to this size (as the directory declares it) are inflated once and kept: the patch reads some
    /// twice (a sheet searched for <c>tabSelected</c> then loaded, comments searched then loaded, VML drawings scanned
    /// for their blocks then edited). Bigger ones are streamed each time, as is a part that does not inflate to its
    /// declared size.</summary>
    private const long KeptPartBytes = 4 << 20;

    /// <summary>A part searched for a text (<see cref="ContainsText"/>) is kept up to this size only: most are never
    /// loaded afterwards.</summary>
    private const long SearchedPartKeptBytes = 64 << 10;

    private static ReadOnlySpan<byte> IdMapData => "data=\""u8;

    private readonly Dictionary<string, ZipArchiveEntry> _entries = zip.Entries
        .Where(e => !e.FullName.EndsWith('/'))
        .GroupBy(e => e.FullName.TrimStart('/'), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, byte[]?> _kept = new(StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> _reserved = new(StringComparer.OrdinalIgnoreCase);

    public bool Exists(string part) => _entries.ContainsKey(part);

    public string? RootTarget(string type) =>
        LoadXml("_rels/.rels") is { } rels ? TargetOfType(rels, type, "") : null;

    public XDocument? LoadXml(string part)
    {
        if (!_entries.TryGetValue(part, out ZipArchiveEntry? entry))
        {
            return null;
        }

        // Parsed as it inflates, unless already inflated (searched before, see ContainsText).
        using Stream stream = _kept.GetValueOrDefault(part) is { } content ? new MemoryStream(content, writable: false) : entry.Open();
        using var reader = XmlReader.Create(stream, ReaderSettings);
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    public byte[] ReadBytes(string part) => Kept(part) ?? ReadBytes(_entries[part]);

    /// <summary>The highest shape block (o:idmap data) the package's VML drawings use, so new drawings use others:
    /// every <c>data="…"</c> of digits, commas and spaces (1 to 100 of them), its numbers.</summary>
    public int LastVmlBlock()
    {
        int last = 0;
        foreach (string part in _entries.Keys.Where(k => k.EndsWith(".vml", StringComparison.OrdinalIgnoreCase)))
        {
            ReadOnlySpan<byte> text = ReadBytes(part);
            int at;
            while ((at = text.IndexOf(IdMapData)) >= 0)
            {
                text = text[(at + IdMapData.Length)..];
                int length = text.IndexOfAnyExcept(IdMapCharacters);
                if (length is < 1 or > 100 || text[length] != (byte)'"')
                {
                    continue;
                }

                foreach (Range range in text[..length].Split((byte)','))
                {
                    ReadOnlySpan<byte> number = text[range].Trim((byte)' ');
                    if (number.Length > 0 && int.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out int block))
                    {
                        last = Math.Max(last, block);
                    }
                }

                text = text[(length + 1)..];
            }
        }

        return last;
    }

    private static readonly SearchValues<byte> IdMapCharacters = SearchValues.Create("0123456789, "u8);

    /// <summary>Whether the part holds <paramref name="text"/> (ASCII), searched in its bytes; a UTF-16 part (rare,
    /// but allowed) is decoded instead.</summary>
    public bool ContainsText(string part, string text)
    {
        // A big part (a sheet of thousands of rows) is searched as it inflates, 64 KB at a time, and only kept when read.
        byte[]? content = _entries[part].Length <= SearchedPartKeptBytes ? Kept(part) : _kept.GetValueOrDefault(part);
        Stream Open() => content is not null ? new MemoryStream(content, writable: false) : _entries[part].Open();

        using (Stream head = Open())
        {
            Span<byte> bom = stackalloc byte[2];
            if (head.ReadAtLeast(bom, 2, throwOnEndOfStream: false) == 2 && (bom is [0xFF, 0xFE] or [0xFE, 0xFF]))
            {
                using Stream again = Open();
                using var reader = new StreamReader(again, detectEncodingFromByteOrderMarks: true);
                return reader.ReadToEnd().Contains(text, StringComparison.Ordinal);
            }
        }

        using Stream stream = Open();
        return PackageParts.Contains(stream, Encoding.ASCII.GetBytes(text));
    }

    /// <summary>The part's content inflated once (null for a part too big to keep, or not of its declared size).</summary>
    private byte[]? Kept(string part)
    {
        if (_kept.TryGetValue(part, out byte[]? content))
        {
            return content;
        }

        ZipArchiveEntry entry = _entries[part];
        if (entry.Length <= KeptPartBytes)
        {
            content = new byte[entry.Length];
            using Stream stream = entry.Open();
            if (stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false) != content.Length || stream.ReadByte() >= 0)
            {
                content = null;
            }
        }

        _kept[part] = content;
        return content;
    }

    /// <summary>A part name not in the package and not handed out before.</summary>
    public string FreePath(string stem, string extension, List<(string Path, byte[] Content)> added)
    {
        for (int i = 1; ; i++)
        {
            string path = stem + i.ToString(CultureInfo.InvariantCulture) + extension;
            if (!_entries.ContainsKey(path) && !added.Any(a => string.Equals(a.Path, path, StringComparison.OrdinalIgnoreCase)) && _reserved.Add(path))
            {
                return path;
            }
        }
    }

    /// <summary>Every entry in its original order (replaced ones with their new content), then the added parts. An
    /// entry copied unchanged keeps its compressed bytes (<see cref="ZipCentralDirectory"/>); a package that directory
    /// reader is not certain about is copied through <see cref="ZipArchive"/> instead, every entry inflated and deflated
    /// again, as is an entry it cannot copy as it is (encrypted, another compression method).</summary>
    public void CopyTo(Stream output, Dictionary<string, byte[]> replaced, List<(string Path, byte[] Content)> added, HashSet<string> skipped)
    {
        ZipRawEntry[]? raw = bytes is null ? null : ZipCentralDirectory.TryRead(bytes, zip.Entries);
        if (raw is null || zip.Entries.Count + added.Count >= ushort.MaxValue)
        {
            CopyThroughZipArchive(output, replaced, added, skipped);
            return;
        }

        using var writer = new ZipPackageWriter(output);
        for (int i = 0; i < raw.Length; i++)
        {
            ZipArchiveEntry entry = zip.Entries[i];
            if (!TryCopyName(entry, skipped, out string name))
            {
                continue;
            }

            if (replaced.TryGetValue(name, out byte[]? content))
            {
                writer.AddContent(name, content);
            }
            else if (raw[i].CanCopyRaw)
            {
                writer.AddRaw(name, raw[i], bytes!.AsSpan(raw[i].DataOffset, (int)raw[i].CompressedSize));
            }
            else
            {
                writer.AddContent(name, ReadBytes(entry));
            }
        }

        foreach ((string path, byte[] content) in added)
        {
            writer.AddContent(path, content);
        }

        writer.Finish();
    }

    /// <summary>The copy as <see cref="ZipArchive"/> writes it, each entry inflated and deflated again.</summary>
    internal void CopyThroughZipArchive(Stream output, Dictionary<string, byte[]> replaced, List<(string Path, byte[] Content)> added, HashSet<string> skipped)
    {
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            if (!TryCopyName(entry, skipped, out string name))
            {
                continue;
            }

            ZipArchiveEntry copy = archive.CreateEntry(name, CompressionLevel.Fastest);
            using Stream target = copy.Open();
            if (replaced.TryGetValue(name, out byte[]? content))
            {
                target.Write(content);
            }
            else
            {
                using Stream source = entry.Open();
                source.CopyTo(target);
            }
        }

        foreach ((string path, byte[] content) in added)
        {
            using Stream target = archive.CreateEntry(path, CompressionLevel.Fastest).Open();
            target.Write(content);
        }
    }

    /// <summary>The name an entry is copied under (leading '/' trimmed), or false for an entry not copied: a folder, a
    /// part left out, or a later entry of the same name (case aside).</summary>
    private bool TryCopyName(ZipArchiveEntry entry, HashSet<string> skipped, out string name)
    {
        name = entry.FullName.TrimStart('/');
        return !entry.FullName.EndsWith('/') && !skipped.Contains(name) && ReferenceEquals(_entries.GetValueOrDefault(name), entry);
    }

    private static byte[] ReadBytes(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
