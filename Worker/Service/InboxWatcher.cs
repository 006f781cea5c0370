using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Service;

/// <summary>
/// A <see cref="FileSystemWatcher"/> on <c>depot/</c> (sub-folders included). Its events are hints only: they wake the
/// dispatcher early. An error (buffer overflow, share gone) asks for a full rescan and re-creates the watcher; while
/// that fails (the share is still away) it tries again every <see cref="InboxOptions.RescanInterval"/>, as many times as
/// needed, and the periodic rescan does the work meanwhile. A share that comes back gets its watcher back.
/// </summary>
internal sealed class InboxWatcher(
    DataFolder data,
    InboxQueue queue,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<InboxWatcher> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _retry;
    private bool _stopped;

    /// <summary>How many times the watcher was (re)created after an outage (for tests and logs).</summary>
    public int Rearmed { get; private set; }

    /// <summary>True while a watcher is raising events.</summary>
    public bool IsArmed
    {
        get
        {
            lock (_gate)
            {
                return _watcher is { EnableRaisingEvents: true };
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        data.EnsureCreated();
        if (TryArm(out Exception? error))
        {
            logger.Watching(data.Depot, options.Value.StabilityDelay, options.Value.RescanInterval);
        }
        else
        {
            logger.WatcherUnavailable(error!, data.Depot, options.Value.RescanInterval);
            ScheduleRetry();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopped = true;
            _retry?.Dispose();
            _retry = null;
            if (_watcher is not null)
            {
                _watcher.EnableRaisingEvents = false;
            }
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            _retry?.Dispose();
            _retry = null;
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    /// <summary>What the watcher's Error event does (also called by tests to play a share outage).</summary>
    internal void OnFault(Exception exception)
    {
        logger.WatcherError(exception);
        queue.RequestRescan();
        if (!TryArm(out Exception? error))
        {
            logger.WatcherUnavailable(error!, data.Depot, options.Value.RescanInterval);
            ScheduleRetry();
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => queue.Hint(e.FullPath);

    private void OnRenamed(object sender, RenamedEventArgs e) => queue.Hint(e.FullPath);

    private void OnError(object sender, ErrorEventArgs e) => OnFault(e.GetException());

    /// <summary>Drops the current watcher (if any) and creates a new one on depot/.</summary>
    private bool TryArm(out Exception? error)
    {
        lock (_gate)
        {
            error = null;
            if (_stopped)
            {
                return false;
            }

            _watcher?.Dispose();
            _watcher = null;
            FileSystemWatcher? watcher = null;
            try
            {
                watcher = new FileSystemWatcher(data.Depot)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
                    InternalBufferSize = 64 * 1024,
                };
                watcher.Created += OnChanged;
                watcher.Changed += OnChanged;
                watcher.Renamed += OnRenamed;
                watcher.Error += OnError;
                watcher.EnableRaisingEvents = true;
                _watcher = watcher;
                return true;
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
            {
                watcher?.Dispose();
                error = ex;
                return false;
            }
        }
    }

    private void ScheduleRetry()
    {
        lock (_gate)
        {
            if (_stopped || _retry is not null)
            {
                return;
            }

            TimeSpan every = options.Value.RescanInterval;
            _retry = time.CreateTimer(_ => Retry(), null, every, every);
        }
    }

    private void Retry()
    {
        if (!TryArm(out _))
        {
            return; // still away: the timer fires again
        }

        lock (_gate)
        {
            _retry?.Dispose();
            _retry = null;
            Rearmed++;
        }

        logger.Watching(data.Depot, options.Value.StabilityDelay, options.Value.RescanInterval);
        queue.RequestRescan(); // whatever arrived while the watcher was away
    }
}
