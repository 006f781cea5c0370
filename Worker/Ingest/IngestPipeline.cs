using CleaNum.Core;
using System.Buffers;
using System.Security.Cryptography;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using CleaNum.Core.Validation;
using CleaNum.Core.Workbook;
using Microsoft.Extensions.Logging;
using CleaNum.Core.Mail;
using CleaNum.Worker.Mail;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Ingest;

/// <summary>
/// One file from arrival to its final folder: claim (move to <c>en-cours/</c>) → sha256 → read → validate → store →
/// member report → move to <c>archives/</c> or <c>refuses/</c>. Shared by <c>cleanum ingest</c> and the watcher.
/// Crash-safe: a file is in exactly one of depot/, en-cours/, archives/, refuses/ at any time; on restart
/// <see cref="RecoverInProgress"/> puts en-cours/ back into depot/, and a file whose submission was already stored is
/// finished (report + move) instead of being stored twice.
/// </summary>
internal sealed partial class IngestPipeline(
    DataFolder data,
    IWorkbookReader reader,
    IMemberWorkbookValidator validator,
    ISubmissionStore store,
    IMemberReportWriter reportWriter,
    IReportLog reports,
    IRosterSource rosters,
    MemberMailer mailer,
    CampaignMembers campaignMembers,
    IOptions<CleaNumOptions> options,
    IOptions<AnnexOptions> annexOptions,
    DatabaseGuard database,
    TimeProvider time,
    ILogger<IngestPipeline> logger)
{
    /// <summary>A file found unreadable less than this after its last change is still being written: it goes back to
    /// <c>depot/</c> instead of being refused. Zero (the default, <c>cleanum ingest</c>) refuses it at once; the watcher
    /// sets <c>CleaNum:Inbox:UnreadableGrace</c>.</summary>
    public TimeSpan UnreadableGrace { get; set; }

    public async Task<IngestOutcome> IngestAsync(string sourcePath, CancellationToken cancellationToken)
    {
        PreparedFile prepared = await PrepareAsync(sourcePath, cancellationToken);
        return await CommitAsync(prepared, cancellationToken);
    }

    /// <summary>
    /// The first half of <see cref="IngestAsync"/>, which writes nothing but the claim: claims the file, hashes it and,
    /// unless its bytes are already stored, reads and validates it. <see cref="FileIngestion.IngestAllAsync"/> prepares
    /// the next file while this one is committed. On failure the file is back where it came from.
    /// </summary>
    public async Task<PreparedFile> PrepareAsync(string sourcePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        data.EnsureCreated();
        string originalName = Path.GetFileName(sourcePath);
        (string claimed, bool fromDepot) = ClaimOrDefer(sourcePath);
        var file = new ClaimedFile(sourcePath, claimed, originalName, Relative(Path.GetFullPath(sourcePath)), fromDepot);
        try
        {
            return await ReadClaimedAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // Nothing is lost: the file goes back where it came from and will be retried.
            Release(claimed, sourcePath, fromDepot);
            throw;
        }
    }

    /// <summary>The second half of <see cref="IngestAsync"/>: stores the prepared file (one transaction), writes its
    /// report and moves it to its final folder. Files are committed in the order they arrived (versions follow it). On
    /// failure the file is back where it came from.</summary>
    public async Task<IngestOutcome> CommitAsync(PreparedFile prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ClaimedFile file = prepared.File;
        try
        {
            return prepared.Existing is { } existing
                ? await FinishKnownAsync(file.Claimed, file.OriginalName, file.Input, existing, cancellationToken)
                : await StoreAndFinishAsync(prepared, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            Release(file.Claimed, file.SourcePath, file.FromDepot);
            throw;
        }
    }

    /// <summary>A prepared file that will not be committed (the batch stopped before it): back where it came from, as
    /// if it had never been looked at.</summary>
    public void Abandon(PreparedFile prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        Release(prepared.File.Claimed, prepared.File.SourcePath, prepared.File.FromDepot);
    }

    /// <summary>Claims the file, runs <paramref name="process"/> on the claimed copy (with its original name, the input
    /// as reported and whether it came from <c>depot/</c>); on failure the file goes back where it came from.</summary>
    private async Task<IngestOutcome> ClaimedAsync(
        string sourcePath, Func<string, string, string, bool, Task<IngestOutcome>> process, CancellationToken cancellationToken)
    {
        data.EnsureCreated();
        string originalName = Path.GetFileName(sourcePath);
        (string claimed, bool fromDepot) = ClaimOrDefer(sourcePath);
        try
        {
            return await process(claimed, originalName, Relative(Path.GetFullPath(sourcePath)), fromDepot);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // Nothing is lost: the file goes back where it came from and will be retried.
            Release(claimed, sourcePath, fromDepot);
            throw;
        }
    }

    /// <summary>Puts every file left in <c>en-cours/</c> by an interrupted run back into <c>depot/</c>.</summary>
    public int RecoverInProgress()
    {
        data.EnsureCreated();
        int count = 0;
        foreach (string file in Directory.EnumerateFiles(data.InProgress, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(data.InProgress, file);
            string target = UniquePath(Path.Combine(data.Depot, relative));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target);
            count++;
        }

        return count;
    }

    private async Task<PreparedFile> ReadClaimedAsync(ClaimedFile file, CancellationToken cancellationToken)
    {
        var claimedFile = new FileInfo(file.Claimed);
        (long claimedSize, DateTime lastChange) = (claimedFile.Length, claimedFile.LastWriteTimeUtc);
        (string sha256, long size) = Hash(file.Claimed, cancellationToken);
        DateTime receivedAt = time.GetUtcNow().UtcDateTime;

        Submission? existing = await store.FindBySha256Async(sha256, cancellationToken);
        if (existing is not null)
        {
            return new PreparedFile(file, sha256, size, receivedAt) { Existing = existing };
        }

        NetworkRoster? roster = rosters.Load(cancellationToken);
        int campaign = options.Value.CampaignYear(roster, time);
        ValidationSettings settings = new()
        {
            CampaignYear = campaign,
            SubmissionDeadline = options.Value.SubmissionDeadline ?? new DateOnly(campaign, 12, 31),
            // The network size of annex.md: the roster's distinct SIRENs, else the members with a file counting this one.
            MembersWithFile = roster is null
                ? await campaignMembers.GetAsync(campaign, cancellationToken)
                : null,
            LargeNetworkThreshold = annexOptions.Value.LargeNetworkThreshold,
            Roster = roster,
        };
        MemberValidationResult result = ReadAndValidate(file.Claimed, settings, cancellationToken);
        if (file.FromDepot)
        {
            ThrowIfStillBeingWritten(file.Claimed, claimedSize, lastChange, result);
        }

        // The next file may be prepared before this one is stored: it must already count this SIREN (no roster).
        campaignMembers.Stored(campaign, result.Member?.Organisation.Siren);
        return new PreparedFile(file, sha256, size, receivedAt) { Result = result, Campaign = campaign, Roster = roster };
    }

    private async Task<IngestOutcome> StoreAndFinishAsync(PreparedFile prepared, CancellationToken cancellationToken)
    {
        (ClaimedFile file, MemberValidationResult result) = (prepared.File, prepared.Result!);
        var submission = new Submission
        {
            FileName = file.OriginalName,
            Sha256 = prepared.Sha256,
            ReceivedAtUtc = prepared.ReceivedAtUtc,
            Size = prepared.Size,
            Status = SubmissionVerdict.Of(result.Issues),
            Campaign = prepared.Campaign,
            Siren = result.Member?.Organisation.Siren,
            MemberName = NullIfBlank(result.Member?.Organisation.Name),
            Data = result.Member,
            Issues = result.Issues,
        };

        StoreResult stored;
        try
        {
            stored = await store.AddAsync(submission, cancellationToken);
        }
        catch (SubmissionRejectedException ex)
        {
            // The database refused this file's data (SQL Server 2628, 515, 547…): this file is refused with a report,
            // the others go on. Its submission is stored without member data, so it is known (sha256) and not retried.
            logger.SubmissionRejected(ex, file.OriginalName);
            stored = await StoreRejectedAsync(submission, ex, cancellationToken);
        }

        database.EnsurePresent(); // stored into a database that was deleted meanwhile is not stored: report nothing
        campaignMembers.Stored(prepared.Campaign, stored.Submission.Siren);
        if (stored.IsDuplicate)
        {
            // A concurrent writer (or the file just before this one, with the same bytes) stored the same bytes first.
            return await FinishKnownAsync(file.Claimed, file.OriginalName, file.Input, stored.Submission, cancellationToken);
        }

        return await FinishAsync(file.Claimed, file.Input, stored.Submission, stored.Submission.Status, stored.Submission.Issues, duplicateOf: null, prepared.Roster, cancellationToken);
    }

    /// <summary>
    /// Stores a refused version without member data and with one more issue saying that the database refused it; if
    /// even that is refused (a text of the issues themselves), only that issue is kept.
    /// </summary>
    private async Task<StoreResult> StoreRejectedAsync(Submission submission, SubmissionRejectedException rejection, CancellationToken cancellationToken)
    {
        Issue refused = IssueCatalog.Create(
            IssueCodes.FileUnreadable,
            message: $"Le fichier a bien été lu, mais la base de données de la tête de réseau a refusé de l'enregistrer : {rejection.Reason} Il n'est donc pas pris en compte.",
            hint: "Prévenez la tête de réseau (le détail technique est dans le journal du service CleaNum). En attendant, raccourcissez les textes inhabituellement longs, puis déposez le fichier à nouveau.");
        Submission withIssues = submission with { Status = SubmissionStatus.Refused, Data = null, Issues = [.. submission.Issues, refused] };
        try
        {
            return await store.AddAsync(withIssues, cancellationToken);
        }
        catch (SubmissionRejectedException again)
        {
            logger.SubmissionRejected(again, submission.FileName);
            return await store.AddAsync(withIssues with { MemberName = null, Issues = [refused] }, cancellationToken);
        }
    }

    /// <summary>Reading and validating never throw for a bad file: anything unexpected becomes FILE_UNREADABLE.</summary>
    private MemberValidationResult ReadAndValidate(string claimed, ValidationSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            RawWorkbook raw = reader.Read(claimed, MemberWorkbookSchema.Sheets, cancellationToken);
            return raw.IsUnreadable ? new MemberValidationResult(null, raw.Issues) : validator.Validate(raw, settings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !FileErrors.IsSharingViolation(ex))
        {
            // (a file held by another program is not unreadable: that goes up, the file goes back to depot/ and waits)
            logger.IngestFailed(ex, claimed);
            Issue unreadable = IssueCatalog.Create(
                IssueCodes.FileUnreadable,
                message: "Le fichier n'a pas pu être analysé jusqu'au bout (contenu inattendu).");
            return new MemberValidationResult(null, [unreadable]);
        }
    }

    /// <summary>
    /// The content was already stored. Either this very file was interrupted after storing (its final copy does not
    /// exist yet: finish it as it was), or a member sent the same bytes again (report "doublon", nothing stored).
    /// </summary>
    private async Task<IngestOutcome> FinishKnownAsync(string claimed, string originalName, string input, Submission existing, CancellationToken cancellationToken)
    {
        // FindBySha256Async and a duplicate StoreResult already carry the whole submission (data and issues): no
        // second load.
        Submission full = existing;
        bool refused = full.Status == SubmissionStatus.Refused;
        NetworkRoster? roster = rosters.Load(cancellationToken);
        string finalPath = data.FinalPath(refused, new DateTimeOffset(full.ReceivedAtUtc, TimeSpan.Zero), full.Sha256, full.FileName);
        if (!File.Exists(finalPath) && string.Equals(full.FileName, originalName, StringComparison.Ordinal))
        {
            logger.IngestResumed(originalName, full.Id);
            return await FinishAsync(claimed, input, full, full.Status, full.Issues, duplicateOf: null, roster, cancellationToken);
        }

        IssuedReport? first = await reports.GetFirstAsync(full.Id, cancellationToken);
        string received = $"{ParisTime.ToParis(full.ReceivedAtUtc):dd/MM/yyyy à HH:mm}";
        string firstReport = first is null
            ? $"du {received}"
            : $"du {ParisTime.ToParis(first.IssuedAtUtc):dd/MM/yyyy} (« {Path.GetFileName(first.ReportPath)} »)";
        Issue duplicate = IssueCatalog.Create(
            IssueCodes.FileDuplicate,
            message: refused
                ? $"Ce fichier est identique à « {full.FileName} », déjà reçu le {received} et refusé : il est toujours refusé. Voir le rapport {firstReport} ; les anomalies à corriger sont rappelées ci-dessous."
                : $"Ce fichier est identique à « {full.FileName} », déjà reçu le {received}. Aucune nouvelle version n'a été enregistrée (voir le rapport {firstReport}).");

        // A re-send of a refused file is still refused: its report restates the errors instead of « rien à faire ».
        IReadOnlyList<Issue> issues = refused ? [duplicate, .. full.Issues] : [duplicate];
        Submission asDuplicate = full with { FileName = originalName, Status = SubmissionStatus.Duplicate, Issues = issues };
        return await FinishAsync(claimed, input, asDuplicate, SubmissionStatus.Duplicate, issues, duplicateOf: full, roster, cancellationToken, first);
    }

    /// <summary>A file that changed after it was claimed, or is unreadable soon after its last change, is still being
    /// written (on Linux an exclusive open does not see another process writing): back to depot/.</summary>
    private void ThrowIfStillBeingWritten(string claimed, long claimedSize, DateTime lastChange, MemberValidationResult result)
    {
        var now = new FileInfo(claimed);
        if (now.Length != claimedSize || now.LastWriteTimeUtc != lastChange)
        {
            throw new IngestDeferredException(DeferralReason.StillBeingWritten, "The file changed after it was claimed.");
        }

        bool unreadable = result.Member is null && result.Issues.Any(i => i.Code == IssueCodes.FileUnreadable);
        if (unreadable && time.GetUtcNow().UtcDateTime - lastChange < UnreadableGrace)
        {
            throw new IngestDeferredException(DeferralReason.StillBeingWritten, "The file is unreadable and changed less than the grace period ago.");
        }
    }

    private async Task<IngestOutcome> FinishAsync(
        string claimed, string input, Submission submission, SubmissionStatus status, IReadOnlyList<Issue> issues,
        Submission? duplicateOf, NetworkRoster? roster, CancellationToken cancellationToken, IssuedReport? firstReport = null)
    {
        try
        {
            return await FinishFilesAsync(claimed, input, submission, status, issues, duplicateOf, roster, firstReport, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The submission is stored: the file waits (disk full, folder not writable) and is finished later, as a
            // resumed file. It never goes to refuses/ for that.
            throw new IngestDeferredException(DeferralReason.FinishPending, $"Stored, but its report or its move failed: {ex.Message}", ex);
        }
    }

    private async Task<IngestOutcome> FinishFilesAsync(
        string claimed, string input, Submission submission, SubmissionStatus status, IReadOnlyList<Issue> issues,
        Submission? duplicateOf, NetworkRoster? roster, IssuedReport? firstReport, CancellationToken cancellationToken)
    {
        string reportFolder = data.ReportFolder(submission.Siren, submission.FileName);
        if (duplicateOf is not null)
        {
            reportFolder = Path.Combine(reportFolder, "doublons");
        }

        MemberReportFiles report = reportWriter.Write(new MemberReportRequest(submission, claimed, time.GetUtcNow()), reportFolder);
        string mailKey = duplicateOf is null
            ? $"report:{submission.Id}"
            : $"duplicate:{duplicateOf.Id}:{File.GetLastWriteTimeUtc(claimed).Ticks}";
        await mailer.ReportIssuedAsync(new ReportNotice(
            duplicateOf is null ? MailKind.Report : MailKind.Duplicate, submission, report, roster, mailKey, duplicateOf, firstReport),
            cancellationToken);

        bool refused = status == SubmissionStatus.Refused;
        DateTimeOffset receivedAt = new(DateTime.SpecifyKind(submission.ReceivedAtUtc, DateTimeKind.Utc));
        string finalPath = data.FinalPath(refused, duplicateOf is null ? receivedAt : time.GetUtcNow(), submission.Sha256, submission.FileName);
        string storedAt = MoveToFinal(claimed, finalPath);
        logger.FileIngested(submission.FileName, status, issues.Count, submission.Version);

        return new IngestOutcome(
            input,
            submission.Sha256,
            status,
            submission.Siren,
            submission.MemberName,
            submission.Version,
            issues,
            Relative(report.ReportPath),
            report.AnnotatedPath is null ? null : Relative(report.AnnotatedPath),
            Relative(storedAt));
    }

    private (string Claimed, bool FromDepot) ClaimOrDefer(string sourcePath)
    {
        try
        {
            return Claim(sourcePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new IngestDeferredException(DeferralReason.NotMovable, $"Cannot be moved out of depot/: {ex.Message}", ex);
        }
    }

    private (string Claimed, bool FromDepot) Claim(string sourcePath)
    {
        string full = Path.GetFullPath(sourcePath);
        if (DataFolder.IsInside(full, data.InProgress))
        {
            return (full, false);
        }

        if (DataFolder.IsInside(full, data.Depot))
        {
            string target = UniquePath(Path.Combine(data.InProgress, Path.GetRelativePath(data.Depot, full)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(full, target); // atomic rename on the same volume
            return (target, true);
        }

        // A file outside the data folder (cleanum ingest PATH): the user's original is left untouched.
        string copy = UniquePath(Path.Combine(data.InProgress, DataFolder.SafeFileName(full)));
        File.Copy(full, copy);
        return (copy, false);
    }

    private void Release(string claimed, string sourcePath, bool fromDepot)
    {
        try
        {
            if (!File.Exists(claimed))
            {
                return;
            }

            if (fromDepot)
            {
                string back = UniquePath(Path.GetFullPath(sourcePath));
                Directory.CreateDirectory(Path.GetDirectoryName(back)!);
                File.Move(claimed, back);
            }
            else if (!DataFolder.IsInside(sourcePath, data.InProgress))
            {
                FileErrors.DeleteEvenIfReadOnly(claimed);
            }
        }
        catch (IOException ex)
        {
            logger.ReleaseFailed(ex, claimed);
        }
    }

    private static string MoveToFinal(string claimed, string finalPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        if (File.Exists(finalPath))
        {
            // Same name and same sha256 prefix: the very same bytes are already kept there.
            FileErrors.DeleteEvenIfReadOnly(claimed);
            return finalPath;
        }

        File.Move(claimed, finalPath);
        if (!OperatingSystem.IsWindows())
        {
            // personal data: readable by the service's account only, whatever the member's copy had (service.md)
            File.SetUnixFileMode(finalPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        return finalPath;
    }

    private static string UniquePath(string path)
    {
        if (!File.Exists(path))
        {
            return path;
        }

        string folder = Path.GetDirectoryName(path)!;
        string extension = Path.GetExtension(path);
        string stem = DataFolder.CutToBytes(Path.GetFileNameWithoutExtension(path), DataFolder.MaxNameBytes - 16 - System.Text.Encoding.UTF8.GetByteCount(extension));
        for (int i = 2; ; i++)
        {
            string candidate = Path.Combine(folder, $"{stem} ({i}){extension}");
            if (!File.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Synchronous on purpose: an asynchronous FileStream on Linux hands every read to the thread pool, and
    /// those hops (threads waking, spinning) cost more CPU than hashing a member's file.</summary>
    private static (string Sha256, long Size) Hash(string path, CancellationToken cancellationToken)
    {
        using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024); // not 64 KB of garbage per file
        try
        {
            long size = 0;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(buffer, 0, read);
                size += read;
            }

            return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }



    private string Relative(string path) =>
        DataFolder.IsInside(path, data.Root) ? Path.GetRelativePath(data.Root, path).Replace('\\', '/') : path;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

}
