using System.Security.Cryptography;
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
/// stable one to <see cref="IngestPipeline"/> (which stores it once, even when it is seen again after a crash).
/// Database unavailable → the file stays in <c>depot/</c> and everything waits, with a growing delay; a database that
/// will not come back (configuration, migration) stops the host with a non-zero exit code. A <c>consolider</c> file
/// triggers <see cref="ConsolidationJob"/> once the stable files of the same pass are ingested.
/// </summary>
internal sealed class SubmissionDispatcher(
    InboxQueue queue,
    DataFolder data,
    WorkGate gate,
    IConsolidationTrigger consolidation,
    IServiceScopeFactory scopes,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<SubmissionDispatcher> logger) : BackgroundService
{
    private readonly InboxOptions _options = options.Value;
    private readonly SortedSet<string> _pending = new(FileErrors.PathComparer);
    private readonly Dictionary<string, int> _failures = new(FileErrors.PathComparer);
    private FileStability? _stability;

    /// <summary>Files done since start (for tests and progress).</summary>
    public int Processed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        _stability = new FileStability(time, _options.StabilityDelay);
        using (IServiceScope scope = scopes.CreateScope())
        {
            int recovered = scope.ServiceProvider.GetRequiredService<IngestPipeline>().RecoverInProgress();
            if (recovered > 0)
            {
                logger.Recovered(recovered);
            }
        }

        TimeSpan backoff = TimeSpan.Zero;
        bool rescanAfterFailure = false;
        bool startUp = true;
        while (!stoppingToken.IsCancellationRequested)
        {
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
            TimeSpan? wait = pass.RecheckAt is { } at ? Max(at - time.GetUtcNow(), TimeSpan.FromMilliseconds(20)) : null;
            await queue.WaitAsync(wait, stoppingToken);
        }
    }

    private void Collect(bool rescan, IReadOnlyCollection<string> hints)
    {
        if (rescan)
        {
            _pending.UnionWith(InboxFiles.Enumerate(data.Depot));
        }

        foreach (string hint in hints)
        {
            if (!DataFolder.IsInside(hint, data.Depot))
            {
                continue;
            }

            if (Directory.Exists(hint))
            {
                _pending.UnionWith(InboxFiles.Enumerate(hint)); // a folder moved in raises one event for all its files
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

            Outcome outcome = await IngestAsync(path, stoppingToken);
            switch (outcome.Kind)
            {
                case OutcomeKind.StorageDown:
                    _stability.Forget(path);
                    _pending.Remove(path);
                    return new PassResult(recheckAt, outcome.Failure);
                case OutcomeKind.RetryLater:
                    _stability.Forget(path);
                    recheckAt = Earliest(recheckAt, time.GetUtcNow() + _options.StabilityDelay);
                    break;
                default:
                    Drop(path);
                    Processed++;
                    progress.Advance();
                    break;
            }
        }

        foreach (string trigger in triggers)
        {
            await TriggerConsolidationAsync(trigger, stoppingToken);
            Drop(trigger);
        }

        return new PassResult(recheckAt, null);
    }

    private async Task<Outcome> IngestAsync(string path, CancellationToken stoppingToken)
    {
        string fileName = Path.GetFileName(path);
        using IDisposable _ = await gate.EnterAsync(stoppingToken);
        await using AsyncServiceScope scope = scopes.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<IngestPipeline>();
        try
        {
            await pipeline.IngestAsync(path, stoppingToken);
            _failures.Remove(path);
            return new Outcome(OutcomeKind.Done, null);
        }
        catch (StoreUnavailableException ex) when (ex.IsTransient)
        {
            return new Outcome(OutcomeKind.StorageDown, new StorageFailure(fileName, ex));
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
        catch (Exception ex) when (ex is not OperationCanceledException and not StoreUnavailableException)
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

            try
            {
                string refused = await QuarantineAsync(path, stoppingToken);
                _failures.Remove(path);
                logger.Quarantined(fileName, attempt, Path.GetRelativePath(data.Root, refused));
                return new Outcome(OutcomeKind.Done, null);
            }
            catch (Exception move) when (move is IOException or UnauthorizedAccessException)
            {
                // locked or not movable right now: keep the count, try again on a later pass; never stop the host for it
                logger.QuarantineFailed(move, fileName);
                return new Outcome(OutcomeKind.RetryLater, null);
            }
        }
    }

    private async Task<string> QuarantineAsync(string path, CancellationToken cancellationToken)
    {
        string sha256;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        string target = data.FinalPath(refused: true, time.GetUtcNow(), sha256, Path.GetFileName(path));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(path, target, overwrite: true);
        return target;
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
    }

    private sealed record StorageFailure(string FileName, StoreUnavailableException Exception);

    private sealed record Outcome(OutcomeKind Kind, StorageFailure? Failure);

    private sealed record PassResult(DateTimeOffset? RecheckAt, StorageFailure? StorageDown);
}
