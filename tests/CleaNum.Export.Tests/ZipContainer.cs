using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CleaNum.Export.Tests;

/// <summary>One entry of a zip as its bytes say: name (raw and decoded), general purpose flags, method, CRC-32, sizes
/// and the compressed data. Read straight from the central directory and the local header, independently of the code
/// under test.</summary>
internal sealed record ZipContainerEntry(string Name, byte[] NameBytes, ushort Flags, ushort Method, uint Crc32, long Size, byte[] Data, ushort DosDate);

/// <summary>Reading and writing zip containers by hand, for the annotated copy's tests: what an entry's bytes are, and
/// packages with the shapes <see cref="ZipArchive"/> does not write on demand (data descriptors, Deflate64, zip64 end
/// records, duplicate names).</summary>
internal static class ZipContainer
{
    public static List<ZipContainerEntry> Read(byte[] zip)
    {
        int end = zip.Length - 22;
        while (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end)) != 0x06054b50)
        {
            end--;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        int position = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        var entries = new List<ZipContainerEntry>();
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> central = zip.AsSpan(position);
            Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(central));
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(central[8..]);
            ushort method = BinaryPrimitives.ReadUInt16LittleEndian(central[10..]);
            ushort date = BinaryPrimitives.ReadUInt16LittleEndian(central[14..]);
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(central[16..]);
            int compressed = (int)BinaryPrimitives.ReadUInt32LittleEndian(central[20..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(central[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(central[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(central[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(central[32..]);
            int local = (int)BinaryPrimitives.ReadUInt32LittleEndian(central[42..]);
            byte[] name = central.Slice(46, nameLength).ToArray();
            ReadOnlySpan<byte> header = zip.AsSpan(local);
            Assert.Equal(0x04034b50u, BinaryPrimitives.ReadUInt32LittleEndian(header));
            int data = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            entries.Add(new ZipContainerEntry(Encoding.UTF8.GetString(name), name, flags, method, crc, size, zip.AsSpan(data, compressed).ToArray(), date));
            position += 46 + nameLength + extraLength + commentLength;
        }

        return entries;
    }

    /// <summary>Every entry read through <see cref="ZipArchive"/> to its end, its CRC-32 computed and compared with the
    /// one the directory gives (.NET 10 does not check it); the contents by name, in order.</summary>
    public static List<(string Name, byte[] Content)> ReadVerified(string path)
    {
        using ZipArchive archive = ZipFile.OpenRead(path);
        var contents = new List<(string, byte[])>();
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            byte[] content = Content(entry);
            Assert.Equal(entry.Length, content.Length);
            Assert.True(entry.Crc32 == System.IO.Hashing.Crc32.HashToUInt32(content), $"CRC-32 of {entry.FullName}");
            contents.Add((entry.FullName, content));
        }

        return contents;
    }

    public static byte[] Content(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>An entry to write by hand: its content, the method (0 stored, 8 deflated, 9 Deflate64 written as
    /// stored deflate blocks, which Deflate64 reads alike), whether sizes and CRC follow the data in a data descriptor
    /// (bit 3), and the name's bytes (UTF-8, flagged with bit 11 when not ASCII).</summary>
    public sealed record Part(string Name, byte[] Content, ushort Method = 8, bool Descriptor = false);

    /// <summary>A zip of <paramref name="parts"/> in order; with <paramref name="zip64End"/> its end of central directory
    /// is a zip64 one (the classic record carries only 0xFFFF / 0xFFFFFFFF markers).</summary>
    public static byte[] Write(IEnumerable<Part> parts, bool zip64End = false)
    {
        using var output = new MemoryStream();
        using var directory = new MemoryStream();
        int count = 0;
        foreach (Part part in parts)
        {
            byte[] name = Encoding.UTF8.GetBytes(part.Name);
            ushort flags = (ushort)((name.Length != part.Name.Length ? 0x0800 : 0) | (part.Descriptor ? 0x0008 : 0));
            byte[] data = part.Method switch
            {
                0 => part.Content,
                8 => Deflate(part.Content, CompressionLevel.Optimal),
                9 => Deflate(part.Content, CompressionLevel.NoCompression),
                _ => throw new ArgumentException("method", nameof(parts)),
            };
            uint crc = System.IO.Hashing.Crc32.HashToUInt32(part.Content);
            long offset = output.Length;
            var local = new byte[30];
            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(4), 20);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(6), flags);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(8), part.Method);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(12), 0x5b83); // 2025-12-03
            if (!part.Descriptor)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(14), crc);
                BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(18), (uint)data.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(22), (uint)part.Content.Length);
            }

            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(26), (ushort)name.Length);
            output.Write(local);
            output.Write(name);
            output.Write(data);
            if (part.Descriptor)
            {
                var descriptor = new byte[16];
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor, 0x08074b50);
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(4), crc);
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(8), (uint)data.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(12), (uint)part.Content.Length);
                output.Write(descriptor);
            }

            var central = new byte[46];
            BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(4), 20);
            BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(6), 20);
            BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(8), flags);
            BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(10), part.Method);
            BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(14), 0x5b83);
            BinaryPrimitives.WriteUInt32LittleEndian(central.AsSpan(16), crc);
            BinaryPrimitives.WriteUInt32LittleEndian(central.AsSpan(20), (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(central.AsSpan(24), (uint)part.Content.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(28), (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(central.AsSpan(42), (uint)offset);
            directory.Write(central);
            directory.Write(name);
            count++;
        }

        long directoryOffset = output.Length;
        directory.Position = 0;
        directory.CopyTo(output);
        if (zip64End)
        {
            long record = output.Length;
            var end64 = new byte[56];
            BinaryPrimitives.WriteUInt32LittleEndian(end64, 0x06064b50);
            BinaryPrimitives.WriteUInt64LittleEndian(end64.AsSpan(4), 44);
            BinaryPrimitives.WriteUInt16LittleEndian(end64.AsSpan(12), 45);
            BinaryPrimitives.WriteUInt16LittleEndian(end64.AsSpan(14), 45);
            BinaryPrimitives.WriteUInt64LittleEndian(end64.AsSpan(24), (ulong)count);
            BinaryPrimitives.WriteUInt64LittleEndian(end64.AsSpan(32), (ulong)count);
            BinaryPrimitives.WriteUInt64LittleEndian(end64.AsSpan(40), (ulong)directory.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(end64.AsSpan(48), (ulong)directoryOffset);
            output.Write(end64);
            var locator = new byte[20];
            BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
            BinaryPrimitives.WriteUInt64LittleEndian(locator.AsSpan(8), (ulong)record);
            BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), 1);
            output.Write(locator);
        }

        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), zip64End ? ushort.MaxValue : (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), zip64End ? ushort.MaxValue : (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), zip64End ? uint.MaxValue : (uint)directory.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), zip64End ? uint.MaxValue : (uint)directoryOffset);
        output.Write(end);
        return output.ToArray();
    }

    /// <summary>The entries of a package (folders left out), in order, with their contents.</summary>
    public static List<Part> Parts(string path)
    {
        using ZipArchive archive = ZipFile.OpenRead(path);
        return [.. archive.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => new Part(e.FullName, Content(e)))];
    }

    private static byte[] Deflate(byte[] content, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, level, leaveOpen: true))
        {
            deflate.Write(content);
        }

        return output.ToArray();
    }
}
