using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Service;

/// <summary>
/// A <see cref="FileSystemWatcher"/> on <c>depot/</c> (sub-folders included). Its events are hints only: they wake the
/// dispatcher early. An error (buffer overflow, share gone) asks for a full rescan and restarts the watcher; if it
/// cannot start at all, the periodic rescan does the work alone.
/// </summary>
internal sealed class InboxWatcher(
    DataFolder data,
    InboxQueue queue,
    IOptions<InboxOptions> options,
    ILogger<InboxWatcher> logger) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        data.EnsureCreated();
        try
        {
            _watcher = new FileSystemWatcher(data.Depot)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
                InternalBufferSize = 64 * 1024,
            };
            _watcher.Created += OnChanged;
            _watcher.Changed += OnChanged;
            _watcher.Renamed += OnRenamed;
            _watcher.Error += OnError;
            _watcher.EnableRaisingEvents = true;
            logger.Watching(data.Depot, options.Value.StabilityDelay, options.Value.RescanInterval);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            logger.WatcherUnavailable(ex, data.Depot, options.Value.RescanInterval);
            Dispose();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => queue.Hint(e.FullPath);

    private void OnRenamed(object sender, RenamedEventArgs e) => queue.Hint(e.FullPath);

    private void OnError(object sender, ErrorEventArgs e)
    {
        logger.WatcherError(e.GetException());
        queue.RequestRescan();
        try
        {
            if (_watcher is { } watcher)
            {
                watcher.EnableRaisingEvents = false;
                watcher.EnableRaisingEvents = true;
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or ObjectDisposedException)
        {
            logger.WatcherUnavailable(ex, data.Depot, options.Value.RescanInterval);
        }
    }
}
