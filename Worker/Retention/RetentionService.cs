using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Retention;

/// <summary>What a purge did (or would do, with --dry-run).</summary>
internal sealed record PurgeResult(int Submissions, IReadOnlyList<string> Files, DateTime? ReceivedBeforeUtc, bool DryRun);

/// <summary>
/// service.md « Retention »: a superseded version's personal data (people's names, CV text, contact details) and its
/// original file go after <see cref="RetentionOptions.SupersededVersionsDays"/>; the current version of every member and
/// the audit facts stay. <c>purger --siren</c> erases one member entirely (database rows, originals, reports, sent
/// mail). Files first, database second: a crash in between leaves rows whose files are gone, and the next purge
/// finishes; never files that the database says were erased. Every purge is recorded (table <c>purge_log</c>).
/// </summary>
internal sealed class RetentionService(
    IRetentionStore store,
    DataFolder data,
    Ingest.CampaignMembers campaignMembers,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger)
{
    public const string MailFolder = "envois";

    /// <summary>How far a file's time may fall behind the clock that dated the submission (see the purge).</summary>
    internal static readonly TimeSpan FileClockTolerance = TimeSpan.FromSeconds(2);

    public async Task<PurgeResult> PurgeSupersededAsync(DateTime? receivedBeforeUtc, bool dryRun, string origin, CancellationToken cancellationToken)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        DateTime before = receivedBeforeUtc ?? now.AddDays(-options.Value.SupersededVersionsDays);
        IReadOnlyList<RetainedSubmission> superseded = await store.FindSupersededAsync(before, cancellationToken);

        var files = new List<string>();
        foreach (RetainedSubmission s in superseded)
        {
            files.AddRange(Existing(OriginalPath(s)));
        }

        // a superseded version's reports were written before the member's next version arrived; reports of files
        // without a SIREN, before the cutoff. A file's time comes from the file system's clock, which lags the
        // process's (Linux dates files with a coarse clock, a few milliseconds behind; FAT keeps even seconds): the next
        // version's own report, written milliseconds after its arrival, can bear an earlier time, so only what was
        // written two seconds before it arrived counts as the superseded version's.
        foreach (var folder in superseded.GroupBy(s => data.ReportFolder(s.Siren, s.FileName), StringComparer.Ordinal))
        {
            DateTime until = folder.Max(s => s.NextReceivedAtUtc - FileClockTolerance ?? before);
            files.AddRange(FilesIn(folder.Key).Where(f => File.GetLastWriteTimeUtc(f) < until));
        }

        files.AddRange(FilesIn(Path.Combine(data.Root, MailFolder)).Where(f => File.GetLastWriteTimeUtc(f) < before));

        if (!dryRun && (superseded.Count > 0 || files.Count > 0))
        {
            Delete(files);
            await store.PurgePersonalDataAsync([.. superseded.Select(s => s.Id)],
                new PurgeRecord(now, PurgeRecord.Retention, null, before, superseded.Count, files.Count, origin), cancellationToken);
            logger.Purged(origin, superseded.Count, before, files.Count);
        }

        return new PurgeResult(superseded.Count, [.. files.Select(Relative)], before, dryRun);
    }

    public async Task<PurgeResult> EraseMemberAsync(string siren, bool dryRun, string origin, CancellationToken cancellationToken)
    {
        IReadOnlyList<RetainedSubmission> versions = await store.FindMemberAsync(siren, cancellationToken);
        var files = new List<string>();
        foreach (RetainedSubmission s in versions)
        {
            files.AddRange(Existing(OriginalPath(s)));
        }

        files.AddRange(FilesIn(data.ReportFolder(siren, siren)));
        files.AddRange(FilesIn(Path.Combine(data.Root, MailFolder)).Where(f => MentionsSiren(f, siren)));

        if (!dryRun)
        {
            Delete(files);
            string reports = data.ReportFolder(siren, siren);
            if (Directory.Exists(reports))
            {
                Directory.Delete(reports, recursive: true);
            }

            await store.EraseMemberAsync(siren,
                new PurgeRecord(time.GetUtcNow().UtcDateTime, PurgeRecord.Erasure, siren, null, versions.Count, files.Count, origin), cancellationToken);
            campaignMembers.Forget(); // the network size without a roster no longer counts this member
            logger.Erased(siren, origin, versions.Count, files.Count);
        }

        return new PurgeResult(versions.Count, [.. files.Select(Relative)], null, dryRun);
    }

    private string OriginalPath(RetainedSubmission s) =>
        data.FinalPath(s.Status == SubmissionStatus.Refused, new DateTimeOffset(DateTime.SpecifyKind(s.ReceivedAtUtc, DateTimeKind.Utc)), s.Sha256, s.FileName);

    private static bool MentionsSiren(string file, string siren)
    {
        try
        {
            // an .eml names the member's SIREN in its headers and body; reading the first 64 KiB is enough
            using var reader = new StreamReader(file);
            char[] buffer = new char[65536];
            int read = reader.ReadBlock(buffer, 0, buffer.Length);
            return new string(buffer, 0, read).Contains(siren, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Existing(string path) => File.Exists(path) ? [path] : [];

    private static IEnumerable<string> FilesIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            : [];

    private static void Delete(IEnumerable<string> files)
    {
        foreach (string file in files)
        {
            File.Delete(file);
        }
    }

    private string Relative(string path) => Path.GetRelativePath(data.Root, path).Replace('\\', '/');
}

internal static partial class RetentionLog
{
    [LoggerMessage(EventId = 5180, Level = LogLevel.Information, Message = "Retention purge ({Origin}): {Submissions} superseded versions received before {Before:u}, {Files} files removed")]
    public static partial void Purged(this ILogger logger, string origin, int submissions, DateTime before, int files);

    [LoggerMessage(EventId = 5181, Level = LogLevel.Information, Message = "Erasure of member {Siren} ({Origin}): {Submissions} versions, {Files} files removed")]
    public static partial void Erased(this ILogger logger, string siren, string origin, int submissions, int files);

    [LoggerMessage(EventId = 5182, Level = LogLevel.Error, Message = "Retention purge failed")]
    public static partial void PurgeFailed(this ILogger logger, Exception exception);
}
