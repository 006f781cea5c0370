using System.IO.Compression;

namespace CleaNum.Export.Spreadsheet;

/// <summary>
/// The stream a part of a written workbook goes through: a part that stays under <see cref="StoredUpTo"/> bytes is
/// stored as it is, a larger one is deflated. Compressing a part of a few kilobytes costs more time than it saves space
/// (each deflater clears about 300 KB of tables before its first byte), and every ingested file gets a report of eight
/// such parts; a sheet of thousands of rows (the annex, a long report) is still compressed, and streamed: the bytes
/// kept back never exceed the threshold.
/// </summary>
/// <remarks>The zip entry is created when the part's size is known: on the first write past the threshold, or on
/// disposal. The archive must not create another entry meanwhile (<see cref="SpreadsheetWriter"/> writes one part at a
/// time).</remarks>
internal sealed class PartStream(ZipArchive zip, string name, DateTimeOffset lastWriteTime) : Stream
{
    /// <summary>Parts up to this size are stored.</summary>
    public const int StoredUpTo = 16 * 1024;

    private readonly byte[] _kept = System.Buffers.ArrayPool<byte>.Shared.Rent(StoredUpTo);
    private int _keptCount;
    private Stream? _entry;
    private bool _disposed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_entry is null && _keptCount + buffer.Length <= StoredUpTo)
        {
            buffer.CopyTo(_kept.AsSpan(_keptCount));
            _keptCount += buffer.Length;
            return;
        }

        if (_entry is null)
        {
            _entry = Open(CompressionLevel.Fastest);
            _entry.Write(_kept, 0, _keptCount);
            _keptCount = 0;
        }

        _entry.Write(buffer);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            try
            {
                if (_entry is null)
                {
                    using Stream stored = Open(CompressionLevel.NoCompression);
                    stored.Write(_kept, 0, _keptCount);
                }
                else
                {
                    _entry.Dispose();
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(_kept);
            }
        }

        base.Dispose(disposing);
    }

    private Stream Open(CompressionLevel level)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = lastWriteTime;
        return entry.Open();
    }
}
