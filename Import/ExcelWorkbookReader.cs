using System.Diagnostics;
using System.IO.Compression;
using System.Xml;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;
using ExcelDataReader.Exceptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Import;

/// <summary>
/// <see cref="IWorkbookReader"/> on ExcelDataReader: the file is inspected first (<see cref="FileInspector"/>), then every
/// worksheet is loaded with limits (<see cref="WorkbookLoader"/>), then sheets, headers and labels are located
/// (<see cref="SheetLocator"/>). A bad file always ends in a <see cref="RawWorkbook"/> carrying a FILE_* issue.
/// </summary>
internal sealed class ExcelWorkbookReader : IWorkbookReader
{
    private readonly ImportOptions _options;
    private readonly ILogger<ExcelWorkbookReader> _logger;

    public ExcelWorkbookReader(IOptions<ImportOptions> options, ILogger<ExcelWorkbookReader> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        CodePages.EnsureRegistered();
    }

    public RawWorkbook Read(string path, IReadOnlyList<SheetDefinition> sheets, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(sheets);
        cancellationToken.ThrowIfCancellationRequested();

        long started = Stopwatch.GetTimestamp();
        string fileName = Path.GetFileName(path);

        Issue? refusal;
        byte[]? content;
        try
        {
            // One read of a member's (small) file, shared by the inspection, the formula-error scan and the reader.
            content = WorkbookLoader.ReadIfSmall(path);
            refusal = FileInspector.Inspect(path, _options, content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && !Core.FileLocks.IsSharingViolation(ex))
        {
            // (a file another program holds is not unreadable: the caller puts it back and tries again later)
            return Failed(path, fileName, ex, ImportMessages.Unreadable("fichier inaccessible"));
        }

        if (refusal is not null)
        {
            _logger.WorkbookRefused(path, refusal.Code);
            return new RawWorkbook(fileName, [], [refusal]);
        }

        List<SheetGrid> grids;
        try
        {
            grids = WorkbookLoader.Load(path, _options, cancellationToken, content, name => IsTemplateOnly(name, sheets));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (WorkbookLimitException ex)
        {
            return Failed(path, fileName, ex, ImportMessages.TooLarge(ex));
        }
        catch (InvalidPasswordException ex)
        {
            return Failed(path, fileName, ex, ImportMessages.Encrypted());
        }
#pragma warning disable CA1031 // any reader failure on a member's file is data (FILE_UNREADABLE), never a crash of the service
        catch (Exception ex) when (!Core.FileLocks.IsSharingViolation(ex))
#pragma warning restore CA1031
        {
            return Failed(path, fileName, ex, ImportMessages.Unreadable(Describe(ex)));
        }

        RawWorkbook workbook = SheetLocator.Locate(fileName, grids, sheets);
        List<Issue> invalidText =
        [
            .. grids.SelectMany(g => g.InvalidTextCells.Select(c => ImportMessages.CellTextInvalid(g.Name, c.Row, Cell.ColumnLetters(c.Column) + c.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        ];
        if (invalidText.Count > 0)
        {
            workbook = workbook with { Issues = [.. workbook.Issues, .. invalidText] };
        }
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.WorkbookRead(path, workbook.Sheets.Count, workbook.Sheets.Sum(s => s.Records.Count), workbook.Issues.Count,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return workbook;
    }

    /// <summary>A sheet named as the template's help or lists sheet, and as none of the sheets looked for: its cells are
    /// not read (a filled template spends a fifth of its sheet bytes there). It is still listed, empty, so it is never
    /// taken for a missing sheet by its content.</summary>
    private static bool IsTemplateOnly(string sheetName, IReadOnlyList<SheetDefinition> sheets) =>
        MemberWorkbookSchema.TemplateOnlySheetNames.Contains(sheetName) && !sheets.Any(d => d.IsNamed(sheetName));

    private RawWorkbook Failed(string path, string fileName, Exception exception, Issue issue)
    {
        _logger.WorkbookReadFailed(exception, path, issue.Code);
        return new RawWorkbook(fileName, [], [issue]);
    }

    private static string Describe(Exception exception) => exception switch
    {
        HeaderException => "en-tête de fichier non reconnu",
        CompoundDocumentException => "structure du fichier .xls endommagée",
        XmlException => "contenu XML invalide",
        InvalidDataException => "archive zip endommagée ou tronquée",
        EndOfStreamException => "fichier tronqué",
        _ => "erreur de lecture",
    };
}
