using CleaNum.Core.Ports;
using CleaNum.Worker.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Service;

/// <summary>
/// The one loop that takes files from <c>depot/</c>. At start it puts back what an interrupted run left in
/// <c>en-cours/</c>; then, on every hint, rescan or timer, it looks at the candidates in arrival order and hands each
/// stable one to <see cref="IngestPipeline"/> through <see cref="FileIngestion"/> (which stores it once, even when it is seen again after a crash).
/// Database unavailable → the file stays in <c>depot/</c> and everything waits, with a growing delay; a database that
/// will not come back (configuration, migration) stops the host with a non-zero exit code. A <c>consolider</c> file
/// triggers <see cref="ConsolidationJob"/> once the stable files of the same pass are ingested.
/// </summary>
internal sealed class SubmissionDispatcher(
    InboxQueue queue,
    DataFolder data,
    WorkGate gate,
    IConsolidationTrigger consolidation,
    FileIngestion ingestion,
    CampaignMembers campaignMembers,
    DatabaseGuard database,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<SubmissionDispatcher> logger) : BackgroundService
{
    private readonly InboxOptions _options = options.Value;
    private readonly SortedSet<string> _pending = new(FileErrors.PathComparer);
    private readonly Dictionary<string, int> _failures = new(FileErrors.PathComparer);
    private readonly Dictionary<string, Deferral> _deferred = new(FileErrors.PathComparer);
    private readonly HashSet<string> _setAside = new(FileErrors.PathComparer);
    private FileStability? _stability;

    /// <summary>Files done since start (for tests and progress).</summary>
    public int Processed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        _stability = new FileStability(time, _options.StabilityDelay);
        database.Arm();
        int recovered = ingestion.RecoverInProgress();
        if (recovered > 0)
        {
            logger.Recovered(recovered);
        }

        TimeSpan backoff = TimeSpan.Zero;
        bool rescanAfterFailure = false;
        bool startUp = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            EnsureDatabasePresent();
            (bool rescan, IReadOnlyCollection<string> hints) = queue.Drain();
            Collect(rescan || rescanAfterFailure, hints);
            rescanAfterFailure = false;
            if (startUp)
            {
                // says at once whether a restarted service has work to do (an idle one logs nothing else)
                int waiting = _pending.Count(p => InboxFiles.Classify(p, data.Depot) != InboxFileKind.Ignored);
                logger.WaitingAtStartUp(waiting);
                startUp = false;
            }

            PassResult pass = await RunPassAsync(stoppingToken);
            if (pass.StorageDown is { } failure)
            {
                backoff = backoff == TimeSpan.Zero ? _options.RetryDelay : Min(backoff * 2, _options.MaxRetryDelay);
                logger.StorageUnavailable(failure.Exception, failure.FileName, backoff);
                rescanAfterFailure = true; // the file went back to depot/, possibly under another name
                await Task.Delay(backoff, time, stoppingToken); // signals do not cut the wait short
                continue;
            }

            backoff = TimeSpan.Zero;
            if (_pending.Count == 0)
            {
                campaignMembers.Forget(); // idle: the next file asks the database again (another process may have purged)
            }

            TimeSpan? wait = pass.RecheckAt is { } at ? Max(at - time.GetUtcNow(), TimeSpan.FromMilliseconds(20)) : null;
            await queue.WaitAsync(wait, stoppingToken);
        }
    }

    private void Collect(bool rescan, IReadOnlyCollection<string> hints)
    {
        void Renamed(string path) => logger.InvalidNameRenamed(Path.GetRelativePath(data.Depot, path));
        if (rescan)
        {
            _pending.UnionWith(InboxFiles.Enumerate(data.Depot, Renamed));
            _setAside.RemoveWhere(p => !Path.Exists(p) && NativeFiles.KindOf(p) == EntryKind.Missing); // gone: log again if it comes back
        }

        foreach (string hint in hints)
        {
            if (!DataFolder.IsInside(hint, data.Depot))
            {
                continue;
            }

            if (NativeFiles.KindOf(hint) == EntryKind.Directory)
            {
                // a folder moved in raises one event for all its files (a linked folder is not a folder here)
                _pending.UnionWith(InboxFiles.Enumerate(hint, Renamed));
            }
            else if (Path.GetFileName(hint).Contains('\uFFFD', StringComparison.Ordinal) && Path.GetDirectoryName(hint) is { } parent)
            {
                // a name that is not valid UTF-8 cannot be opened under the name .NET shows: rename it first
                _pending.UnionWith(InboxFiles.Enumerate(parent, Renamed));
            }
            else
            {
                _pending.Add(Path.GetFullPath(hint));
            }
        }
    }

    private async Task<PassResult> RunPassAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? recheckAt = null;
        var triggers = new List<string>();
        var ready = new List<string>();
        using var progress = new ServiceProgress(_pending.Count);
        foreach (string path in ArrivalOrder(_pending))
        {
            stoppingToken.ThrowIfCancellationRequested();
            InboxFileKind kind = InboxFiles.Classify(path, data.Depot);
            if (kind == InboxFileKind.Ignored)
            {
                Drop(path);
                continue;
            }

            if (kind == InboxFileKind.Unsupported)
            {
                if (_setAside.Add(path))
                {
                    logger.UnsupportedEntry(Path.GetRelativePath(data.Depot, path));
                }

                Drop(path);
                continue;
            }

            if (Deferred(path) is { } until)
            {
                recheckAt = Earliest(recheckAt, until);
                continue;
            }

            StabilityCheck check = _stability!.Check(path);
            if (check.State == StabilityState.Gone)
            {
                Drop(path);
                continue;
            }

            if (check.State == StabilityState.Waiting)
            {
                recheckAt = Earliest(recheckAt, check.RecheckAt);
                continue;
            }

            if (kind == InboxFileKind.ConsolidationTrigger)
            {
                triggers.Add(path);
                continue;
            }

            ready.Add(path);
        }

        // Two files at a time (FileIngestion.IngestAllAsync): the next one is prepared — claimed, hashed, read and
        // validated, nothing stored — while this one is committed, in arrival order. A pass that stops puts the file
        // prepared ahead back in depot/ as it was.
        Task<Step>? next = ready.Count > 0 ? PrepareAsync(ready[0], stoppingToken) : null;
        try
        {
            for (int i = 0; i < ready.Count; i++)
            {
                stoppingToken.ThrowIfCancellationRequested();
                string path = ready[i];
                Step step = await next!;
                string following = i + 1 < ready.Count && step.Failure is null ? ready[i + 1] : "";
                next = following.Length > 0 ? Task.Run(() => PrepareAsync(following, stoppingToken), CancellationToken.None) : null;
                Outcome outcome = await IngestAsync(step, stoppingToken);
                switch (outcome.Kind)
                {
                    case OutcomeKind.StorageDown:
                        _stability!.Forget(path);
                        _pending.Remove(path);
                        return new PassResult(recheckAt, outcome.Failure);
                    case OutcomeKind.RetryLater:
                        _stability!.Forget(path);
                        recheckAt = Earliest(recheckAt, time.GetUtcNow() + _options.StabilityDelay);
                        break;
                    case OutcomeKind.Deferred:
                        _stability!.Forget(path);
                        recheckAt = Earliest(recheckAt, _deferred.TryGetValue(path, out Deferral? d) ? d.Until : time.GetUtcNow() + _options.RetryDelay);
                        break;
                    default:
                        Drop(path);
                        Processed++;
                        progress.Advance();
                        break;
                }

                if (next is null && i + 1 < ready.Count)
                {
                    // this file's preparation failed: the next one is prepared only now, after its handling
                    next = PrepareAsync(ready[i + 1], stoppingToken);
                }
            }
        }
        finally
        {
            await AbandonAsync(next);
        }

        foreach (string trigger in triggers)
        {
            await TriggerConsolidationAsync(trigger, stoppingToken);
            Drop(trigger);
        }

        return new PassResult(recheckAt, null);
    }

    /// <summary>One file's preparation (<see cref="FileIngestion.PrepareAsync"/>), run ahead on another thread: the
    /// prepared file, or its failure, handled on the pass's thread by <see cref="IngestAsync"/> as before.</summary>
    private async Task<Step> PrepareAsync(string path, CancellationToken stoppingToken)
    {
        try
        {
            return new Step(path, await ingestion.PrepareAsync(path, stoppingToken, _options.UnreadableGrace), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new Step(path, null, System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex));
        }
    }

    /// <summary>The file prepared ahead of a pass that stops goes back to depot/ (its failure, if any, already did).</summary>
    private static async Task AbandonAsync(Task<Step>? next)
    {
        if (next is not null && await next is { Prepared: { } prepared })
        {
            await prepared.AbandonAsync();
        }
    }

    private async Task<Outcome> IngestAsync(Step step, CancellationToken stoppingToken)
    {
        string path = step.Path;
        string fileName = Path.GetFileName(path);
        IDisposable gateHeld;
        try
        {
            gateHeld = await gate.EnterAsync(stoppingToken);
            EnsureDatabasePresent();
        }
        catch when (step.Prepared is not null)
        {
            await step.Prepared.AbandonAsync();
            throw;
        }

        using IDisposable _ = gateHeld;
        try
        {
            step.Failure?.Throw(); // the preparation's failure: the file is back in depot/, handled as always below
            await using (step.Prepared!)
            {
                await step.Prepared!.CommitAsync(stoppingToken);
            }

            _failures.Remove(path);
            _deferred.Remove(path);
            return new Outcome(OutcomeKind.Done, null);
        }
        catch (Exception ex) when (IsNotTheFilesFault(ex))
        {
            return NotTheFilesFault(path, ex);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException && !File.Exists(path))
        {
            logger.FileVanished(fileName);
            return new Outcome(OutcomeKind.Done, null);
        }
        catch (Exception ex) when (FileErrors.IsSharingViolation(ex))
        {
            // Another program holds the file (antivirus, backup, Excel opened it from the share): not the file's fault,
            // so it does not count as an attempt. The pipeline put it back in depot/; look again after the delay.
            logger.FileLocked(fileName);
            return new Outcome(OutcomeKind.RetryLater, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StoreUnavailableException and not DatabaseGoneException)
        {
            // (a database error that is not transient — corrupt file, schema gone, login refused — stops the host: never
            // blame the file; data the database refuses is already a refused file with its report, see IngestPipeline)
            // The pipeline put the file back in depot/. A file that keeps failing is set aside, never retried forever.
            int attempt = _failures[path] = _failures.GetValueOrDefault(path) + 1;
            logger.AttemptFailed(ex, fileName, attempt);
            if (attempt < _options.MaxAttempts || !File.Exists(path))
            {
                return new Outcome(OutcomeKind.RetryLater, null);
            }

            _failures.Remove(path);
            return await QuarantineAsync(path, attempt, stoppingToken);
        }
    }

    /// <summary>A file that failed <see cref="InboxOptions.MaxAttempts"/> times is refused through the pipeline (a row,
    /// a report, <c>refuses/</c>); if even that fails the same way, it is set aside in <c>refuses/</c> without a
    /// report rather than retried forever.</summary>
    private async Task<Outcome> QuarantineAsync(string path, int attempt, CancellationToken stoppingToken)
    {
        string fileName = Path.GetFileName(path);
        try
        {
            IngestOutcome refused = await ingestion.QuarantineAsync(path, attempt, stoppingToken);
            logger.Quarantined(fileName, attempt, refused.StoredAt ?? "");
            return new Outcome(OutcomeKind.Done, null);
        }
        catch (Exception ex) when (IsNotTheFilesFault(ex))
        {
            return NotTheFilesFault(path, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StoreUnavailableException && File.Exists(path))
        {
            try
            {
                string setAside = ingestion.SetAside(path);
                logger.SetAsideWithoutReport(ex, fileName, setAside);
                return new Outcome(OutcomeKind.Done, null);
            }
            catch (Exception moveFailure) when (moveFailure is IOException or UnauthorizedAccessException)
            {
                Defer(path, new IngestDeferredException(DeferralReason.NotMovable, moveFailure.Message, moveFailure));
                return new Outcome(OutcomeKind.Deferred, null);
            }
        }
    }

    /// <summary>What neither the ingestion nor the quarantine blames the file for: it must wait
    /// (<see cref="IngestDeferredException"/>), the database is away for a while, or the database file is gone.</summary>
    private static bool IsNotTheFilesFault(Exception ex) =>
        ex is IngestDeferredException or DatabaseGoneException or StoreUnavailableException { IsTransient: true };

    /// <summary>The one handler of <see cref="IsNotTheFilesFault"/>: deferred, or storage down (the file stays in
    /// <c>depot/</c> and everything waits); a database file that is gone stops the host.</summary>
    private Outcome NotTheFilesFault(string path, Exception ex)
    {
        if (ex is DatabaseGoneException gone)
        {
            logger.DatabaseGone(gone.Message);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(gone);
        }

        if (ex is IngestDeferredException deferred)
        {
            Defer(path, deferred);
            return new Outcome(OutcomeKind.Deferred, null);
        }

        return new Outcome(OutcomeKind.StorageDown, new StorageFailure(Path.GetFileName(path), (StoreUnavailableException)ex));
    }

    private void EnsureDatabasePresent()
    {
        try
        {
            database.EnsurePresent();
        }
        catch (DatabaseGoneException ex)
        {
            logger.DatabaseGone(ex.Message);
            throw;
        }
    }

    /// <summary>
    /// A file that must wait (not its fault): it is looked at again after a growing delay, or as soon as it changes
    /// when it was still being written; it is logged once, never counted towards <see cref="InboxOptions.MaxAttempts"/>.
    /// </summary>
    private void Defer(string path, IngestDeferredException ex)
    {
        if (ex.InnerException is DatabaseGoneException gone)
        {
            logger.DatabaseGone(gone.Message);
            throw gone;
        }

        string relative = Path.GetRelativePath(data.Depot, path);
        DateTimeOffset now = time.GetUtcNow();
        var stamp = FileStamp.Of(path);
        int attempt = _deferred.TryGetValue(path, out Deferral? previous) ? previous.Attempt + 1 : 1;
        TimeSpan delay = Backoff(attempt);
        switch (ex.Reason)
        {
            case DeferralReason.StillBeingWritten:
                logger.StillBeingWritten(relative);
                // looked at again when it changes, or once it has been unchanged for the grace period
                DateTimeOffset graceEnd = new DateTimeOffset(DateTime.SpecifyKind(stamp.WrittenAtUtc, DateTimeKind.Utc)) + _options.UnreadableGrace;
                _deferred[path] = new Deferral(stamp, graceEnd > now + _options.StabilityDelay ? graceEnd : now + _options.StabilityDelay, attempt, WakeOnChange: true);
                return;
            case DeferralReason.NotMovable:
                if (attempt == 1)
                {
                    logger.NotMovable(relative, ex.Message);
                }

                _deferred[path] = new Deferral(stamp, now + delay, attempt, WakeOnChange: false);
                return;
            default:
                if (attempt == 1)
                {
                    logger.FinishPending(ex.InnerException ?? ex, relative, delay);
                }

                _deferred[path] = new Deferral(stamp, now + delay, attempt, WakeOnChange: false);
                return;
        }
    }

    /// <summary>The time before which a deferred file is left alone, or null when it may be tried now.</summary>
    private DateTimeOffset? Deferred(string path)
    {
        if (!_deferred.TryGetValue(path, out Deferral? deferral))
        {
            return null;
        }

        var stamp = FileStamp.Of(path);
        if (!stamp.Exists)
        {
            _deferred.Remove(path);
            return null;
        }

        if (deferral.WakeOnChange && stamp != deferral.Stamp)
        {
            _deferred.Remove(path);
            return null;
        }

        return time.GetUtcNow() < deferral.Until ? deferral.Until : null;
    }

    private TimeSpan Backoff(int attempt)
    {
        TimeSpan delay = _options.RetryDelay;
        for (int i = 1; i < attempt && delay < _options.MaxRetryDelay; i++)
        {
            delay *= 2;
        }

        return Min(delay, _options.MaxRetryDelay);
    }

    private async Task TriggerConsolidationAsync(string trigger, CancellationToken cancellationToken)
    {
        // Request first, delete second: a crash in between consolidates once more, never zero times.
        string name = Path.GetFileName(trigger);
        logger.ConsolidationRequested(name);
        await consolidation.RequestAsync(cancellationToken);
        try
        {
            FileErrors.DeleteEvenIfReadOnly(trigger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.TriggerNotDeleted(ex, name);
        }
    }

    private void Drop(string path)
    {
        _pending.Remove(path);
        _stability!.Forget(path);
    }

    /// <summary>Oldest first, so that two versions from one member waiting together are stored in the order they came.</summary>
    private static List<string> ArrivalOrder(IEnumerable<string> paths) =>
    [
        .. paths
            .Select(p => (Path: p, WrittenAt: SafeWriteTime(p)))
            .OrderBy(p => p.WrittenAt)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => p.Path),
    ];

    private static DateTime SafeWriteTime(string path)
    {
        try
        {
            return File.GetLastWriteTimeUtc(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DateTime.MaxValue;
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c <= candidate ? c : candidate;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a <= b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;

    private enum OutcomeKind
    {
        Done,
        RetryLater,
        StorageDown,
        Deferred,
    }

    private sealed record Deferral(FileStamp Stamp, DateTimeOffset Until, int Attempt, bool WakeOnChange);

    private sealed record StorageFailure(string FileName, StoreUnavailableException Exception);

    private sealed record Outcome(OutcomeKind Kind, StorageFailure? Failure);

    private sealed record PassResult(DateTimeOffset? RecheckAt, StorageFailure? StorageDown);

    /// <summary>A file prepared ahead (<see cref="Prepared"/>), or the failure of its preparation.</summary>
    private sealed record Step(string Path, PreparedIngest? Prepared, System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure);
}
