using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CleaNum.Import;

/// <summary>Limits applied to every workbook before and while it is read (hostile or oversized files end in FILE_TOO_LARGE).</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Largest accepted file on disk (default 20 MB).</summary>
    [Range(typeof(long), "1024", "1073741824")]
    public long MaxFileSizeBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest number of non-blank rows in one sheet (default 50,000).</summary>
    [Range(1, 1_048_576)]
    public int MaxRowsPerSheet { get; set; } = 50_000;

    /// <summary>Largest sum of the declared uncompressed sizes of an xlsx/xlsm's zip entries (default 256 MB).</summary>
    [Range(typeof(long), "1048576", "4294967296")]
    public long MaxUncompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest compression ratio of one zip entry larger than 1 MB once inflated (default 200).</summary>
    [Range(2, 100_000)]
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Largest declared uncompressed size of the shared-strings part (default 64 MB).</summary>
    [Range(typeof(long), "65536", "4294967296")]
    public long MaxSharedStringsBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest number of text characters handed out by the reader for one workbook, counting a shared string once
    /// per cell that references it (default 50 million): stops "one huge string referenced by thousands of cells".</summary>
    [Range(1_000, 1_000_000_000)]
    public int MaxTextCharacters { get; set; } = 50_000_000;

    /// <summary>Largest number of non-blank cells kept for one workbook (default 2 million).</summary>
    [Range(1_000, 50_000_000)]
    public int MaxCells { get; set; } = 2_000_000;
}

[OptionsValidator]
public sealed partial class ImportOptionsValidator : IValidateOptions<ImportOptions>;
