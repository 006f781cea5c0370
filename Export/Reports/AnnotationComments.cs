using System.Xml.Linq;
using CleaNum.Core.Issues;
using CleaNum.Export.Spreadsheet;
using static CleaNum.Export.Reports.PackageXml;

namespace CleaNum.Export.Reports;

/// <summary>A worksheet's comments part: CleaNum's comments added after the member's own, and removed again when an
/// annotated copy comes back.</summary>
internal static class AnnotationComments
{
    internal static XDocument New() =>
        new(new XElement(Main + "comments", new XElement(Main + "authors"), new XElement(Main + "commentList")));

    /// <summary>Adds each marked cell's text to the comments part (after the member's own comment on that cell, if
    /// any) and returns the cells that had no comment, which need a VML shape.</summary>
    internal static List<(int Row, int Column, int Lines)> Merge(XElement comments, SortedDictionary<(int Row, int Column), List<Issue>> cells)
    {
        XElement authors = comments.Element(Main + "authors") ?? new XElement(Main + "authors");
        if (authors.Parent is null)
        {
            comments.AddFirst(authors);
        }

        XElement commentList = comments.Element(Main + "commentList") ?? new XElement(Main + "commentList");
        if (commentList.Parent is null)
        {
            authors.AddAfterSelf(commentList);
        }

        List<XElement> authorList = [.. authors.Elements(Main + "author")];
        int authorId = authorList.FindIndex(a => a.Value == "CleaNum");
        if (authorId < 0)
        {
            authors.Add(new XElement(Main + "author", "CleaNum"));
            authorId = authorList.Count;
        }

        var existing = new Dictionary<(int, int), XElement>();
        foreach (XElement comment in commentList.Elements(Main + "comment"))
        {
            if ((string?)comment.Attribute("ref") is { } reference && TryParseReference(reference, out var cell))
            {
                existing.TryAdd(cell, comment);
            }
        }

        var shapes = new List<(int Row, int Column, int Lines)>();
        foreach (var cell in cells)
        {
            string text = AnnotatedCopyWriter.CommentText(cell.Value);
            if (existing.TryGetValue(cell.Key, out XElement? comment))
            {
                XElement body = comment.Element(Main + "text") ?? new XElement(Main + "text");
                if (body.Parent is null)
                {
                    comment.AddFirst(body);
                }

                if (body.Element(Main + "t") is { } plain)
                {
                    // A plain-text comment becomes a run, so that ours can follow it as another run.
                    plain.Remove();
                    body.AddFirst(new XElement(Main + "r", new XElement(Main + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), plain.Value)));
                }

                body.Elements(Main + "r").LastOrDefault()?.AddAfterSelf(Run("\n" + text));
                if (!body.Elements(Main + "r").Any())
                {
                    body.AddFirst(Run(text));
                }

                continue;
            }

            commentList.Add(new XElement(Main + "comment",
                new XAttribute("ref", CellName(cell.Key.Row, cell.Key.Column)),
                new XAttribute("authorId", authorId),
                new XElement(Main + "text", Run(text))));
            shapes.Add((cell.Key.Row, cell.Key.Column, AnnotatedCopyWriter.CommentHeight(text)));
        }

        return shapes;
    }

    private static XElement Run(string text) =>
        new(Main + "r",
            new XElement(Main + "rPr",
                new XElement(Main + "sz", new XAttribute("val", 9)),
                new XElement(Main + "rFont", new XAttribute("val", "Tahoma")),
                new XElement(Main + "family", new XAttribute("val", 2))),
            new XElement(Main + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), SpreadsheetWriter.Clean(text)));

    /// <summary>Removes CleaNum's text from the comments: a comment that is ours alone goes (returned in Removed, its
    /// note shape must go too); a member's comment we had appended to is cut back to the member's text. Every cell
    /// touched is returned in Cleaned (its fill goes back to the member's).</summary>
    internal static (List<(int Row, int Column)> Cleaned, List<(int Row, int Column)> Removed) RemoveOurs(XElement comments)
    {
        var cleaned = new List<(int Row, int Column)>();
        var removed = new List<(int Row, int Column)>();
        XElement? list = comments.Element(Main + "commentList");
        foreach (XElement comment in list?.Elements(Main + "comment").ToList() ?? [])
        {
            if ((string?)comment.Attribute("ref") is not { } reference || !TryParseReference(reference, out var cell)
                || comment.Element(Main + "text") is not { } body)
            {
                continue;
            }

            List<XElement> texts = [.. body.Elements(Main + "t").Concat(body.Elements(Main + "r").Elements(Main + "t"))];
            string whole = string.Concat(texts.Select(t => t.Value));
            int ours = whole.StartsWith(AnnotatedCopyWriter.CommentHeader, StringComparison.Ordinal)
                ? 0
                : whole.IndexOf("\n" + AnnotatedCopyWriter.CommentHeader, StringComparison.Ordinal);
            if (ours < 0)
            {
                continue;
            }

            cleaned.Add(cell);
            string kept = whole[..ours].TrimEnd('\r', '\n');
            if (kept.Length == 0)
            {
                comment.Remove();
                removed.Add(cell);
                continue;
            }

            // Keep the member's runs up to where our text started.
            int start = 0;
            foreach (XElement t in texts)
            {
                int length = t.Value.Length;
                if (start >= kept.Length)
                {
                    (t.Parent!.Name == Main + "r" ? t.Parent : t).Remove();
                }
                else if (start + length > kept.Length)
                {
                    t.Value = t.Value[..(kept.Length - start)];
                }

                start += length;
            }
        }

        return (cleaned, removed);
    }
}
