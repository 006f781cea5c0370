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
    /// <summary>Files one after the other, in the given order. Stops at the first one that cannot be finished now
    /// (database unavailable, file deferred): that file is back where it came from and named in
    /// <see cref="IngestBatch.Stopped"/>.</summary>
    /// <remarks>
    /// Two files at a time: while one is committed (stored, reported, moved) on this thread, the next one is prepared
    /// (claimed, hashed, read and validated — <see cref="IngestPipeline.PrepareAsync"/> writes nothing else) on another.
    /// Commits stay in the given order, one transaction each, so versions and duplicates come out exactly as one file
    /// after the other would make them. When the batch stops, the file prepared ahead is put back where it came from,
    /// untouched: the files after the stop are as if never looked at.
    /// </remarks>
    /// <param name="advanced">Called after each file with the number done so far (progress display).</param>
    public async Task<IngestBatch> IngestAllAsync(IReadOnlyList<string> files, Action<int>? advanced, CancellationToken cancellationToken)
    {
        var outcomes = new List<IngestOutcome>(files.Count);
        Task<PreparedIngest>? next = files.Count > 0 ? PrepareAsync(files[0], cancellationToken) : null;
        for (int i = 0; i < files.Count; i++)
        {
            PreparedIngest current;
            try
            {
                current = await next!;
            }
            catch (Exception ex) when (ex is StoreUnavailableException or IngestDeferredException)
            {
                return new IngestBatch(outcomes, new IngestStop(files[i], ex));
            }

            string following = i + 1 < files.Count ? files[i + 1] : "";
            next = following.Length > 0 ? Task.Run(() => PrepareAsync(following, cancellationToken), CancellationToken.None) : null;
            await using (current)
            {
                try
                {
                    outcomes.Add(await current.CommitAsync(cancellationToken));
                }
                catch (Exception ex) when (ex is StoreUnavailableException or IngestDeferredException)
                {
                    await AbandonAsync(next);
                    return new IngestBatch(outcomes, new IngestStop(files[i], ex));
                }
                catch
                {
                    await AbandonAsync(next);
                    throw;
                }
            }

            advanced?.Invoke(outcomes.Count);
        }

        return new IngestBatch(outcomes, null);
    }

    /// <summary>The first half of a file's ingestion (<see cref="IngestPipeline.PrepareAsync"/>), in a DI scope that lives
    /// until the file is committed or abandoned. On failure the file is back where it came from.</summary>
    /// <param name="unreadableGrace">See <see cref="IngestPipeline.UnreadableGrace"/>: zero for the one-shot verbs.</param>
    public async Task<PreparedIngest> PrepareAsync(string path, CancellationToken cancellationToken, TimeSpan unreadableGrace = default)
    {
        AsyncServiceScope scope = scopes.CreateAsyncScope();
        try
        {
            var pipeline = scope.ServiceProvider.GetRequiredService<IngestPipeline>();
            pipeline.UnreadableGrace = unreadableGrace;
            return new PreparedIngest(scope, pipeline, await pipeline.PrepareAsync(path, cancellationToken));
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>The file prepared ahead goes back where it came from; if preparing it failed, it already is.</summary>
    private static async Task AbandonAsync(Task<PreparedIngest>? next)
    {
        if (next is null)
        {
            return;
        }

        PreparedIngest prepared;
        try
        {
            prepared = await next;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return; // its own failure put it back already (IngestPipeline.PrepareAsync); the batch reports the first stop
        }

        await prepared.AbandonAsync();
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

/// <summary>A file prepared by <see cref="FileIngestion.PrepareAsync"/> with the DI scope its pipeline lives in, until it
/// is committed (<see cref="IngestPipeline.CommitAsync"/>) or abandoned (<see cref="IngestPipeline.Abandon"/>).</summary>
internal sealed class PreparedIngest(AsyncServiceScope scope, IngestPipeline pipeline, PreparedFile file) : IAsyncDisposable
{
    public Task<IngestOutcome> CommitAsync(CancellationToken cancellationToken) => pipeline.CommitAsync(file, cancellationToken);

    /// <summary>Puts the file back where it came from and ends its scope: it will not be committed.</summary>
    public async Task AbandonAsync()
    {
        await using (this)
        {
            pipeline.Abandon(file);
        }
    }

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
