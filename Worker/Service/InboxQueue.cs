using System.Threading.Channels;

namespace CleaNum.Worker.Service;

/// <summary>
/// What the watcher and the rescan job tell the dispatcher: paths that may have changed (hints) and "list the whole
/// <c>depot/</c> again". Hints are deduplicated and bounded: beyond <see cref="MaxHints"/> a full rescan replaces them.
/// The dispatcher alone decides what to take, so a lost or repeated hint never loses or doubles a file.
/// </summary>
internal sealed class InboxQueue
{
    public const int MaxHints = 10_000;

    private readonly Lock _gate = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private HashSet<string> _hints = new(FileErrors.PathComparer);
    private bool _rescan = true; // the first pass lists everything already waiting in depot/

    public void Hint(string path)
    {
        lock (_gate)
        {
            if (_hints.Count < MaxHints)
            {
                _hints.Add(path);
            }
            else
            {
                _rescan = true;
            }
        }

        _signal.Writer.TryWrite(true);
    }

    public void RequestRescan()
    {
        lock (_gate)
        {
            _rescan = true;
        }

        _signal.Writer.TryWrite(true);
    }

    /// <summary>Takes what was signalled since the last call.</summary>
    public (bool Rescan, IReadOnlyCollection<string> Hints) Drain()
    {
        lock (_gate)
        {
            (bool rescan, HashSet<string> hints) = (_rescan, _hints);
            _rescan = false;
            _hints = new HashSet<string>(FileErrors.PathComparer);
            return (rescan, hints);
        }
    }

    /// <summary>Waits for a signal, at most <paramref name="timeout"/> (infinite when null).</summary>
    public async Task WaitAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } delay)
        {
            timeoutSource.CancelAfter(delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        }

        try
        {
            await _signal.Reader.WaitToReadAsync(timeoutSource.Token);
            _signal.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the timeout elapsed
        }
    }
}
