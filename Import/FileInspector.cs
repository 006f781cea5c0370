using System.IO.Compression;
using System.Text;
using CleaNum.Core.Issues;

namespace CleaNum.Import;

/// <summary>
/// Everything decided before ExcelDataReader sees a file: extension, content sniffing (zip, OLE2, raw BIFF), encrypted
/// OOXML containers, and the zip checks that keep bombs out (declared sizes, ratios, DTDs in XML parts).
/// </summary>
internal static class FileInspector
{
    private static readonly string[] AcceptedExtensions = [".xlsx", ".xlsm", ".xls"];
    private static readonly byte[] ZipLocalHeader = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] ZipEmptyArchive = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] Ole2Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] EncryptionInfoName = Encoding.Unicode.GetBytes("EncryptionInfo");
    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes("EncryptedPackage");

    private const int MaxZipEntries = 10_000;
    private const long RatioCheckedAbove = 1024 * 1024;
    private const int XmlPrologueScanBytes = 64 * 1024;

    /// <summary>Returns the refusal for <paramref name="path"/>, or null when ExcelDataReader may read it.</summary>
    /// <param name="content">The file's bytes, when the caller read them already (<see cref="WorkbookLoader.ReadIfSmall"/>).</param>
    public static Issue? Inspect(string path, ImportOptions options, byte[]? content = null)
    {
        var info = new FileInfo(path);
        string extension = info.Extension.ToLowerInvariant();
        long length = info.Length;

        if (length == 0)
        {
            return ImportMessages.Empty();
        }

        if (!AcceptedExtensions.Contains(extension))
        {
            return extension switch
            {
                ".xlsb" => ImportMessages.Xlsb(info.Name),
                ".ods" or ".fods" => ImportMessages.Ods(info.Name),
                _ => ImportMessages.UnsupportedFormat(DescribeExtension(extension), info.Name),
            };
        }

        if (length > options.MaxFileSizeBytes)
        {
            return ImportMessages.FileTooLarge(length, options.MaxFileSizeBytes);
        }

        using Stream stream = content is not null && content.LongLength == length
            ? new MemoryStream(content, writable: false)
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        byte[] probe = new byte[8];
        int read = stream.ReadAtLeast(probe, probe.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> head = probe.AsSpan(0, read);

        if (head.StartsWith(ZipLocalHeader) || head.StartsWith(ZipEmptyArchive))
        {
            stream.Position = 0;
            return InspectZip(stream, options, info.Name);
        }

        if (head.StartsWith(Ole2Signature))
        {
            stream.Position = 0;
            return IsEncryptedPackage(stream) ? ImportMessages.Encrypted() : null;
        }

        if (IsRawBiff(head))
        {
            return null;
        }

        return ImportMessages.UnsupportedFormat(DescribeContent(head), info.Name);
    }

    private static string DescribeExtension(string extension) => extension switch
    {
        "" => "fichier sans extension",
        ".csv" or ".txt" or ".tsv" => "fichier texte (CSV)",
        ".pdf" => "document PDF",
        ".doc" or ".docx" or ".odt" => "document de traitement de texte",
        ".xml" => "fichier XML",
        ".zip" or ".7z" or ".rar" => "archive compressée (envoyez le classeur lui-même, sans le compresser)",
        _ => $"extension « {extension} »",
    };

    private static string DescribeContent(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF"u8))
        {
            return "son contenu est un document PDF renommé";
        }

        if (head.StartsWith("BM"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "son contenu est une image renommée";
        }

        if (head.StartsWith("<?xml"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF, (byte)'<']) || head.StartsWith("<"u8))
        {
            return "son contenu est un fichier XML ou HTML (par exemple « Feuille de calcul XML 2003 »)";
        }

        bool text = head.Length > 0;
        foreach (byte b in head)
        {
            text &= b is 0x09 or 0x0A or 0x0D or >= 0x20;
        }

        return text ? "son contenu est du texte (CSV ou texte renommé)" : "son contenu n'est pas celui d'un classeur Excel";
    }

    /// <summary>BIFF2–BIFF8 stream without an OLE2 container: it starts with a BOF record (0x0009, 0x0209, 0x0409, 0x0809).</summary>
    private static bool IsRawBiff(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 0x09 && head[1] is 0x00 or 0x02 or 0x04 or 0x08 && head[3] == 0x00 && head[2] is 4 or 6 or 8 or 16;

    /// <summary>
    /// An OLE2 container holding "EncryptionInfo" and "EncryptedPackage" streams is an encrypted xlsx/xlsm/xlsb. It is refused
    /// even when Excel's default password would open it, because the decrypted package would bypass the zip checks.
    /// Directory entry names are UTF-16LE; the file is at most <see cref="ImportOptions.MaxFileSizeBytes"/>.
    /// </summary>
    private static bool IsEncryptedPackage(Stream stream)
    {
        byte[] content = new byte[stream.Length];
        stream.ReadExactly(content);
        return content.AsSpan().IndexOf(EncryptionInfoName) >= 0 && content.AsSpan().IndexOf(EncryptedPackageName) >= 0;
    }

    private static Issue? InspectZip(Stream stream, ImportOptions options, string fileName)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > MaxZipEntries)
            {
                return ImportMessages.TooLarge(ImportMessages.ContentTooLarge($"{entries.Count} éléments dans l'archive"));
            }

            bool hasWorkbookXml = false;
            bool hasWorkbookBin = false;
            bool isOpenDocument = false;
            bool isOtherOffice = false;
            long total = 0;
            foreach (ZipArchiveEntry entry in entries)
            {
                string name = entry.FullName.Replace('\\', '/');
                hasWorkbookXml |= name.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase);
                hasWorkbookBin |= name.EndsWith("workbook.bin", StringComparison.OrdinalIgnoreCase);
                isOpenDocument |= name == "mimetype" || name.Equals("content.xml", StringComparison.Ordinal);
                isOtherOffice |= name.StartsWith("word/", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase);

                total += entry.Length;
                if (total > options.MaxUncompressedBytes)
                {
                    return ImportMessages.TooLarge(ImportMessages.ContentTooLarge("plus de " + (options.MaxUncompressedBytes / (1024 * 1024)) + " Mo décompressés"));
                }

                if (entry.Length > RatioCheckedAbove && entry.Length > (long)options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    return ImportMessages.TooLarge(ImportMessages.ContentTooLarge($"taux de compression anormal de « {name} »"));
                }

                if (name.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase) && entry.Length > options.MaxSharedStringsBytes)
                {
                    return ImportMessages.TooLarge(ImportMessages.ContentTooLarge("table des textes partagés trop volumineuse"));
                }
            }

            if (hasWorkbookBin && !hasWorkbookXml)
            {
                return ImportMessages.Xlsb(fileName);
            }

            if (isOpenDocument && !hasWorkbookXml)
            {
                return ImportMessages.Ods(fileName);
            }

            if (!hasWorkbookXml)
            {
                return isOtherOffice
                    ? ImportMessages.UnsupportedFormat("son contenu est un document Word ou PowerPoint renommé", fileName)
                    : ImportMessages.Unreadable("archive sans classeur Excel");
            }

            foreach (ZipArchiveEntry entry in entries)
            {
                if ((entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                    && entry.Length > 0 && DeclaresDtd(entry))
                {
                    return ImportMessages.Unreadable($"la partie « {entry.FullName} » contient une déclaration DTD, refusée par sécurité");
                }
            }

            return IsStrictOpenXml(entries) ? ImportMessages.StrictOpenXml(fileName) : null;
        }
        catch (InvalidDataException)
        {
            return ImportMessages.Unreadable("archive zip endommagée ou tronquée");
        }
        catch (IOException ex) when (!Core.FileLocks.IsSharingViolation(ex))
        {
            return ImportMessages.Unreadable("archive zip endommagée ou tronquée");
        }
    }

    /// <summary>
    /// Excel's « Feuille de calcul Open XML Strict » uses the ISO namespaces (http://purl.oclc.org/ooxml/…) that
    /// ExcelDataReader does not know: it would find no sheet at all. The workbook part's root element tells.
    /// </summary>
    private static bool IsStrictOpenXml(IEnumerable<ZipArchiveEntry> entries)
    {
        ZipArchiveEntry? workbook = entries.FirstOrDefault(e => e.FullName.Replace('\\', '/').EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase)
                                                              && e.Length > 0);
        if (workbook is null)
        {
            return false;
        }

        using Stream part = workbook.Open();
        byte[] buffer = new byte[4096];
        int count = part.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        string text = DecodePrologue(buffer.AsSpan(0, count));
        int root = text.IndexOf("<workbook", StringComparison.Ordinal) is var plain and >= 0 ? plain : text.IndexOf(":workbook", StringComparison.Ordinal);
        if (root < 0)
        {
            return false;
        }

        int end = text.IndexOf('>', root);
        string element = end < 0 ? text[root..] : text[root..end];
        return element.Contains("purl.oclc.org/ooxml/spreadsheetml/main", StringComparison.Ordinal)
            || element.Contains("conformance=\"strict\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when the XML part has a DOCTYPE (or ENTITY) before its root element, or no root element within the first
    /// 64 KB. Entity expansion ("billion laughs") needs a DTD, so parts without one are safe for any XmlReader setting.
    /// </summary>
    private static bool DeclaresDtd(ZipArchiveEntry entry)
    {
        using Stream part = entry.Open();

        // A prologue is a few hundred bytes: the first kilobyte settles almost every part; a longer one is read up to 64 KB.
        byte[] buffer = new byte[1024];
        int count = part.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        bool? verdict = ScanPrologue(DecodePrologue(buffer.AsSpan(0, count)));
        if (verdict is not null || count < buffer.Length)
        {
            return verdict ?? false;
        }

        Array.Resize(ref buffer, XmlPrologueScanBytes);
        count += part.ReadAtLeast(buffer.AsSpan(count), buffer.Length - count, throwOnEndOfStream: false);
        return ScanPrologue(DecodePrologue(buffer.AsSpan(0, count)))
               ?? count == buffer.Length; // no root element in the first 64 KB: refuse rather than guess
    }

    /// <summary>True for a DOCTYPE/ENTITY (any "&lt;!" but a comment) before the root element, false once the root
    /// element is reached, null when the text ends first.</summary>
    private static bool? ScanPrologue(string text)
    {
        int i = 0;
        while (i < text.Length - 1)
        {
            if (text[i] != '<')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0 || text[i + 1] == '?')
            {
                int end = text.IndexOf(text[i + 1] == '?' ? "?>" : "-->", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                i = end + 2;
                continue;
            }

            return text[i + 1] == '!';
        }

        return null;
    }

    private static string DecodePrologue(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (bytes.Length >= 2 && bytes[1] == 0 && bytes[0] != 0)
        {
            return Encoding.Unicode.GetString(bytes);
        }

        return Encoding.Latin1.GetString(bytes);
    }
}
