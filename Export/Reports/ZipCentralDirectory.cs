using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CleaNum.Export.Reports;

/// <summary>
/// Where each entry's compressed bytes lie in a package held in memory, read from its central directory, so that the
/// annotated copy can copy the entries it does not change without inflating and deflating them again.
/// </summary>
/// <remarks>
/// Only the plain case is read: no zip64, one disk, entries stored or deflated, not encrypted. Anything else, or a
/// directory that does not say what <see cref="ZipArchive"/> saw (count, names, CRC-32, sizes), gives null and the copy
/// goes through <see cref="ZipArchive"/> as a whole; an entry whose local header does not fit in the bytes, or that is
/// encrypted or compressed by another method, is marked <see cref="ZipRawEntry.CanCopyRaw"/> false and is inflated
/// and deflated again on its own.
/// </remarks>
internal static class ZipCentralDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint CentralSignature = 0x02014b50;
    private const uint LocalSignature = 0x04034b50;
    private const int EndLength = 22;
    private const int CentralLength = 46;
    private const int LocalLength = 30;

    /// <summary>The entries in central directory order (the order of <see cref="ZipArchive.Entries"/>), or null when
    /// the package is not one this reader is certain about.</summary>
    public static ZipRawEntry[]? TryRead(ReadOnlySpan<byte> package, IReadOnlyList<ZipArchiveEntry> entries)
    {
        int end = FindEnd(package);
        if (end < 0 || (end >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(package[(end - 20)..]) == Zip64LocatorSignature))
        {
            return null;
        }

        ushort disk = U16(package, end + 4);
        ushort directoryDisk = U16(package, end + 6);
        ushort onDisk = U16(package, end + 8);
        ushort count = U16(package, end + 10);
        uint size = U32(package, end + 12);
        uint offset = U32(package, end + 16);
        if (disk != 0 || directoryDisk != 0 || onDisk != count || count == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue
            || count != entries.Count || (long)offset + size > end)
        {
            return null;
        }

        var raw = new ZipRawEntry[count];
        int position = (int)offset;
        for (int i = 0; i < count; i++)
        {
            if (position + CentralLength > end || U32(package, position) != CentralSignature)
            {
                return null;
            }

            ushort flags = U16(package, position + 8);
            ushort method = U16(package, position + 10);
            uint crc = U32(package, position + 16);
            uint compressedSize = U32(package, position + 20);
            uint uncompressedSize = U32(package, position + 24);
            int nameLength = U16(package, position + 28);
            int extraLength = U16(package, position + 30);
            int commentLength = U16(package, position + 32);
            ushort startDisk = U16(package, position + 34);
            uint localOffset = U32(package, position + 42);
            int next = position + CentralLength + nameLength + extraLength + commentLength;
            ZipArchiveEntry entry = entries[i];
            if (next > end || compressedSize == uint.MaxValue || uncompressedSize == uint.MaxValue || localOffset == uint.MaxValue
                || startDisk != 0 || entry.Crc32 != crc || entry.CompressedLength != compressedSize || entry.Length != uncompressedSize
                || !NameIs(package.Slice(position + CentralLength, nameLength), entry.FullName))
            {
                return null;
            }

            raw[i] = Locate(package, flags, method, crc, compressedSize, uncompressedSize, localOffset, (int)offset);
            position = next;
        }

        return raw;
    }

    /// <summary>The entry's data behind its local header, when it can be copied as it is.</summary>
    private static ZipRawEntry Locate(ReadOnlySpan<byte> package, ushort flags, ushort method, uint crc, uint compressedSize,
        uint uncompressedSize, uint localOffset, int directoryOffset)
    {
        var entry = new ZipRawEntry(method, crc, compressedSize, uncompressedSize, 0, CanCopyRaw: false);
        const ushort encrypted = 0x0001 | 0x0040 | 0x2000; // traditional, strong, central directory encryption
        if ((flags & encrypted) != 0 || method is not (0 or 8) || (method == 0 && compressedSize != uncompressedSize)
            || (long)localOffset + LocalLength > directoryOffset || U32(package, (int)localOffset) != LocalSignature)
        {
            return entry;
        }

        int local = (int)localOffset;
        long data = (long)local + LocalLength + U16(package, local + 26) + U16(package, local + 28);
        if ((U16(package, local + 6) & encrypted) != 0 || U16(package, local + 8) != method || data + compressedSize > directoryOffset)
        {
            return entry;
        }

        return entry with { DataOffset = (int)data, CanCopyRaw = true };
    }

    /// <summary>The end of central directory record, searched backwards over the longest comment it may carry.</summary>
    private static int FindEnd(ReadOnlySpan<byte> package)
    {
        int lowest = Math.Max(0, package.Length - EndLength - ushort.MaxValue);
        for (int i = package.Length - EndLength; i >= lowest; i--)
        {
            if (package[i] == 0x50 && U32(package, i) == EndSignature)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the stored name decodes (UTF-8, as <see cref="ZipArchive"/> reads it by default) to
    /// <paramref name="name"/>.</summary>
    private static bool NameIs(ReadOnlySpan<byte> stored, string name)
    {
        if (Ascii.IsValid(stored))
        {
            return Ascii.Equals(stored, name);
        }

        return Encoding.UTF8.GetString(stored) == name;
    }

    private static ushort U16(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);

    private static uint U32(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);
}

/// <summary>One entry as the central directory gives it: method (0 stored, 8 deflated), CRC-32, sizes, and where its
/// compressed bytes start (valid when <paramref name="CanCopyRaw"/>).</summary>
internal readonly record struct ZipRawEntry(ushort Method, uint Crc32, uint CompressedSize, uint Size, int DataOffset, bool CanCopyRaw);
