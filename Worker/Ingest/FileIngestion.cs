using CleaNum.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Worker.Ingest;

/// <summary>
/// The one per-file loop: each file goes through <see cref="IngestPipeline"/> in a DI scope of its own (the pipeline
/// and what it uses are scoped). Used by <c>cleanum ingest</c>, <c>cleanum demo</c> and the service's
/// <see cref="Service.SubmissionDispatcher"/>.
/// </summary>
internal sealed class FileIngestion(IServiceScopeFactory scopes)
{
    /// <summary>One file, from wherever it is to its final folder.</summary>
    /// <param name="unreadableGrace">See <see cref="IngestPipeline.UnreadableGrace"/>: zero for the one-shot verbs.</param>
    public async Task<IngestOutcome> IngestAsync(string path, CancellationToken cancellationToken, TimeSpan unreadableGrace = default)
    {
        await using AsyncServiceScope scope = scopes.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<IngestPipeline>();
        pipeline.UnreadableGrace = unreadableGrace;
        return await pipeline.IngestAsync(path, cancellationToken);
    }

    /// <summary>Files one after the other, in the given order. Stops at the first one that cannot be finished now
    /// (database unavailable, file deferred): that file is back where it came from and named in
    /// <see cref="IngestBatch.Stopped"/>.</summary>
    /// <param name="advanced">Called after each file with the number done so far (progress display).</param>
    public async Task<IngestBatch> IngestAllAsync(IReadOnlyList<string> files, Action<int>? advanced, CancellationToken cancellationToken)
    {
        var outcomes = new List<IngestOutcome>(files.Count);
        foreach (string file in files)
        {
            try
            {
                outcomes.Add(await IngestAsync(file, cancellationToken));
            }
            catch (Exception ex) when (ex is StoreUnavailableException or IngestDeferredException)
            {
                return new IngestBatch(outcomes, new IngestStop(file, ex));
            }

            advanced?.Invoke(outcomes.Count);
        }

        return new IngestBatch(outcomes, null);
    }

    /// <summary>See <see cref="IngestPipeline.QuarantineAsync"/>: a file that failed <paramref name="attempts"/> times.</summary>
    public async Task<IngestOutcome> QuarantineAsync(string path, int attempts, CancellationToken cancellationToken)
    {
        await using AsyncServiceScope scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IngestPipeline>().QuarantineAsync(path, attempts, cancellationToken);
    }

    /// <summary>See <see cref="IngestPipeline.SetAside"/>: the last resort when even the quarantine fails.</summary>
    public string SetAside(string path)
    {
        using IServiceScope scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IngestPipeline>().SetAside(path);
    }

    /// <summary>Puts every file left in <c>en-cours/</c> by an interrupted run back into <c>depot/</c>.</summary>
    public int RecoverInProgress()
    {
        using IServiceScope scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IngestPipeline>().RecoverInProgress();
    }
}

/// <summary>What <see cref="FileIngestion.IngestAllAsync"/> did: the files finished, in order, and the one it stopped
/// at, if any (the files after it were not looked at).</summary>
internal sealed record IngestBatch(IReadOnlyList<IngestOutcome> Outcomes, IngestStop? Stopped);

/// <summary>The file a batch stopped at and why (<see cref="StoreUnavailableException"/> or
/// <see cref="IngestDeferredException"/>).</summary>
internal sealed record IngestStop(string File, Exception Exception);
