using Quartz;

namespace CleaNum.Worker.Service;

/// <summary>Asks for one consolidation as soon as possible (through the Quartz job, so runs never overlap).</summary>
internal interface IConsolidationTrigger
{
    Task RequestAsync(CancellationToken cancellationToken);
}

internal sealed class QuartzConsolidationTrigger(ISchedulerFactory schedulers) : IConsolidationTrigger
{
    public async Task RequestAsync(CancellationToken cancellationToken)
    {
        IScheduler scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(ConsolidationJob.Key, cancellationToken);
    }
}
