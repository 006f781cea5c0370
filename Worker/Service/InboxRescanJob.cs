using Quartz;

namespace CleaNum.Worker.Service;

/// <summary>Every <see cref="InboxOptions.RescanInterval"/>: asks the dispatcher to list <c>depot/</c> again, which
/// catches whatever the file watcher missed (network shares, buffer overflows, events lost while stopped).</summary>
[DisallowConcurrentExecution]
internal sealed class InboxRescanJob(InboxQueue queue) : IJob
{
    public static readonly JobKey Key = new("inbox-rescan", "cleanum");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        queue.RequestRescan();
        return ValueTask.CompletedTask;
    }
}
