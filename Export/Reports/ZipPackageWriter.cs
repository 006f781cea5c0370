using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace CleaNum.Export.Reports;

/// <summary>
/// Writes a zip package entry by entry: an entry of the member's package copied as its compressed bytes are (no
/// inflating, no deflating), or new content deflated here. Each local header carries the CRC-32 and sizes (no data
/// descriptor), the central directory follows the last entry. No zip64: the annotated copy of a package held in memory
/// stays far below 4 GB and 65,535 entries (<see cref="MemberPackage.CopyTo"/> leaves bigger ones to
/// <see cref="ZipArchive"/>).
/// </summary>
/// <remarks>
/// Every entry is dated 1980-01-01 00:00, as Excel dates its own: the copy of the same workbook with the same issues is
/// the same bytes, and no clock is read. Names are written in UTF-8, flagged (bit 11) when not ASCII, as
/// <see cref="ZipArchive"/> writes them.
/// </remarks>
internal sealed class ZipPackageWriter(Stream output) : IDisposable
{
    /// <summary>Parts shorter than this are stored: deflating them saves a few bytes and costs a deflater each.</summary>
    internal const int StoredBelow = 256;

    private const ushort Utf8Flag = 0x0800;
    private const ushort DosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01
    private const int LocalLength = 30;
    private const int CentralLength = 46;

    private readonly MemoryStream _directory = new();
    private readonly MemoryStream _deflated = new();
    private long _offset;
    private int _count;

    /// <summary>Copies an entry's compressed bytes as they are, under <paramref name="name"/>.</summary>
    public void AddRaw(string name, ZipRawEntry entry, ReadOnlySpan<byte> compressed) =>
        Add(name, entry.Method, entry.Crc32, entry.Size, compressed);

    /// <summary>Adds <paramref name="content"/> deflated (stored when short, or when deflating does not make it shorter).</summary>
    public void AddContent(string name, ReadOnlySpan<byte> content)
    {
        uint crc = Crc32.HashToUInt32(content);
        if (content.Length >= StoredBelow)
        {
            _deflated.SetLength(0);
            using (var deflate = new DeflateStream(_deflated, CompressionLevel.Fastest, leaveOpen: true))
            {
                deflate.Write(content);
            }

            if (_deflated.Length < content.Length)
            {
                Add(name, 8, crc, (uint)content.Length, _deflated.GetBuffer().AsSpan(0, (int)_deflated.Length));
                return;
            }
        }

        Add(name, 0, crc, (uint)content.Length, content);
    }

    /// <summary>Writes the central directory; the stream is left open.</summary>
    public void Finish()
    {
        if (_count >= ushort.MaxValue || _offset + _directory.Length > uint.MaxValue)
        {
            throw new InvalidDataException("Annotated copy too large for a zip without zip64");
        }

        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[4..], 0); // this disk
        BinaryPrimitives.WriteUInt16LittleEndian(end[6..], 0); // disk of the directory
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)_count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)_count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)_directory.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)_offset);
        BinaryPrimitives.WriteUInt16LittleEndian(end[20..], 0); // comment length
        output.Write(_directory.GetBuffer().AsSpan(0, (int)_directory.Length));
        output.Write(end);
    }

    public void Dispose()
    {
        _directory.Dispose();
        _deflated.Dispose();
    }

    private void Add(string name, ushort method, uint crc, uint size, ReadOnlySpan<byte> data)
    {
        if (_offset + LocalLength + (long)(name.Length * 3) + data.Length > uint.MaxValue)
        {
            throw new InvalidDataException("Annotated copy too large for a zip without zip64");
        }

        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        ushort flags = nameBytes.Length == name.Length ? (ushort)0 : Utf8Flag;
        ushort version = method == 8 ? (ushort)20 : (ushort)10;

        Span<byte> local = stackalloc byte[LocalLength];
        BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(local[4..], version);
        Common(local[6..], flags, method, crc, (uint)data.Length, size, nameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(local[28..], 0); // extra length
        output.Write(local);
        output.Write(nameBytes);
        output.Write(data);

        Span<byte> central = stackalloc byte[CentralLength];
        BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(central[4..], 20); // made by: MS-DOS, 2.0
        BinaryPrimitives.WriteUInt16LittleEndian(central[6..], version);
        Common(central[8..], flags, method, crc, (uint)data.Length, size, nameBytes.Length);
        central[30..42].Clear(); // extra, comment length, disk, internal and external attributes
        BinaryPrimitives.WriteUInt32LittleEndian(central[42..], (uint)_offset);
        _directory.Write(central);
        _directory.Write(nameBytes);

        _offset += LocalLength + nameBytes.Length + data.Length;
        _count++;
    }

    /// <summary>The fields local header and central directory record share: flags, method, time, date, CRC-32, sizes,
    /// name length.</summary>
    private static void Common(Span<byte> at, ushort flags, ushort method, uint crc, uint compressedSize, uint size, int nameLength)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, flags);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], method);
        BinaryPrimitives.WriteUInt16LittleEndian(at[4..], 0); // 00:00
        BinaryPrimitives.WriteUInt16LittleEndian(at[6..], DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(at[12..], compressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(at[16..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(at[20..], (ushort)nameLength);
    }
}
