using System.IO.Compression;
using ClosedXML.Excel;
using CleaNum.Export.Spreadsheet;

namespace CleaNum.Export.Tests.Spreadsheet;

/// <summary>A workbook part is stored when small and deflated when large (<see cref="PartStream"/>), and its bytes are
/// the ones written, whatever the size and however the writes fall around the threshold.</summary>
public sealed class PartStreamTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100, 7)]
    [InlineData(PartStream.StoredUpTo - 1, 4_096)]
    [InlineData(PartStream.StoredUpTo, PartStream.StoredUpTo)]
    [InlineData(PartStream.StoredUpTo + 1, 4_096)]
    [InlineData(PartStream.StoredUpTo + 1, PartStream.StoredUpTo + 1)]
    [InlineData(200_000, 3_000)]
    public void Keeps_the_bytes_and_stores_only_what_is_small(int size, int chunk)
    {
        byte[] content = [.. Enumerable.Range(0, size).Select(i => (byte)('a' + (i / 100 % 26)))];

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = new PartStream(zip, "xl/part.xml", new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
            for (int offset = 0; offset < size; offset += chunk)
            {
                part.Write(content, offset, Math.Min(chunk, size - offset));
            }
        }

        buffer.Position = 0;
        using var read = new ZipArchive(buffer, ZipArchiveMode.Read);
        ZipArchiveEntry entry = Assert.Single(read.Entries);
        Assert.Equal("xl/part.xml", entry.FullName);
        using var copy = new MemoryStream();
        using (Stream stream = entry.Open())
        {
            stream.CopyTo(copy);
        }

        Assert.Equal(content, copy.ToArray());
        if (size <= PartStream.StoredUpTo)
        {
            Assert.Equal(entry.Length, entry.CompressedLength); // stored: the text would deflate to a fraction
        }
        else
        {
            Assert.True(entry.CompressedLength < entry.Length / 4, $"{entry.CompressedLength} of {entry.Length} bytes");
        }
    }

    /// <summary>A sheet too large to store sits between small stored parts: the workbook opens and holds every row.</summary>
    [Fact]
    public void Writes_a_workbook_that_mixes_stored_and_deflated_parts()
    {
        string path = _folder.File("mixte.xlsx");
        SheetSpec small = new("Petite", [new("A", 10)], [[XCell.Str("seule ligne")]]);
        SheetSpec large = new("Grande", [new("A", 10), new("B", 30)],
            Enumerable.Range(1, 2_000).Select(i => new[] { XCell.Num(i, CellStyle.Default), XCell.Str($"ligne {i}") }));

        SpreadsheetWriter.WriteAtomically(path, [small, large]);

        using (ZipArchive zip = ZipFile.OpenRead(path))
        {
            ZipArchiveEntry styles = zip.GetEntry("xl/styles.xml")!;
            ZipArchiveEntry sheet = zip.GetEntry("xl/worksheets/sheet2.xml")!;
            Assert.Equal(styles.Length, styles.CompressedLength);
            Assert.True(sheet.CompressedLength < sheet.Length / 2);
        }

        using var workbook = new XLWorkbook(path);
        Assert.Equal("seule ligne", workbook.Worksheet("Petite").Cell(2, 1).GetString());
        Assert.Equal("ligne 2000", workbook.Worksheet("Grande").Cell(2_001, 2).GetString());
    }
}
