using System.IO.Compression;
using System.Text;

namespace CleaNum.Import.Tests.Support;

/// <summary>Rewrites the XML parts of a saved .xlsx (namespaces, cell XML) to produce files other tools write.</summary>
internal static class PackageRewriter
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/>, passing every .xml/.rels part through
    /// <paramref name="rewrite"/> (part name, text) → new text.</summary>
    public static string Rewrite(string source, string target, Func<string, string, string> rewrite)
    {
        using (ZipArchive input = ZipFile.OpenRead(source))
        using (ZipArchive output = ZipFile.Open(target, ZipArchiveMode.Create))
        {
            foreach (ZipArchiveEntry entry in input.Entries)
            {
                using var buffer = new MemoryStream();
                using (Stream stream = entry.Open())
                {
                    stream.CopyTo(buffer);
                }

                byte[] content = buffer.ToArray();
                if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                {
                    content = Encoding.UTF8.GetBytes(rewrite(entry.FullName, Encoding.UTF8.GetString(content)));
                }

                using Stream written = output.CreateEntry(entry.FullName).Open();
                written.Write(content);
            }
        }

        return target;
    }

    /// <summary>What Excel's « Feuille de calcul Open XML Strict » changes: the ISO namespaces and conformance="strict".</summary>
    public static string ToStrict(string part, string xml)
    {
        string text = xml
            .Replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main", StringComparison.Ordinal)
            .Replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships", StringComparison.Ordinal)
            .Replace("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main", StringComparison.Ordinal);
        if (part == "xl/workbook.xml")
        {
            int root = text.IndexOf("<x:workbook ", StringComparison.Ordinal) is var prefixed and >= 0 ? prefixed : text.IndexOf("<workbook ", StringComparison.Ordinal);
            int space = text.IndexOf(' ', root);
            text = text[..space] + " conformance=\"strict\"" + text[space..];
        }

        return text;
    }
}
