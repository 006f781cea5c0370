using CleaNum.Storage;
using CleaNum.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Cli;

/// <summary>
/// The opening every verb that works in the data folder shares (<c>ingest</c>, <c>consolidate</c>, <c>purger</c>):
/// the host, the user's mistakes that can be seen before any work, the data folder's lock (a running service owns the
/// folder: never race it, service.md) and the database ready. Disposing releases the lock, then the host.
/// </summary>
internal sealed class VerbHost : IAsyncDisposable
{
    private readonly FileStream _held;

    private VerbHost(IHost host, DataFolder data, FileStream held)
    {
        Host = host;
        Data = data;
        _held = held;
    }

    public IHost Host { get; }

    public DataFolder Data { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>The opened verb, or null and the exit code once the French sentence is printed (and, with
    /// <c>--json</c>, <c>{"error": …}</c> on stdout).</summary>
    /// <param name="createData">Whether this verb may create the data folder (<c>ingest</c> does; <c>consolidate</c>
    /// and <c>purger</c> never do).</param>
    /// <param name="heldByService">The sentence when a running service holds the folder; default
    /// <see cref="DataFolderLock.HeldByService"/>.</param>
    public static async Task<(VerbHost? Opened, int ExitCode)> OpenAsync(
        GlobalOptions globals, TextWriter output, TextWriter error, bool createData, CancellationToken cancellationToken,
        Func<DataFolder, string>? heldByService = null)
    {
        IHost host = CleaNumHost.Build(globals, service: false);
        FileStream? held = null;
        try
        {
            DataFolder data = host.Services.GetRequiredService<DataFolder>();
            if (CheckUserInput(host, createData) is { } mistake)
            {
                return (null, await UserErrors.FailAsync(globals.Json, output, error, mistake));
            }

            held = DataFolderLock.TryAcquire(data);
            if (held is null)
            {
                return (null, await UserErrors.FailAsync(globals.Json, output, error, (heldByService ?? DataFolderLock.HeldByService)(data)));
            }

            if (!await PrepareStorageAsync(host, error, createData, cancellationToken))
            {
                // the sentence is already on stderr; a script reading --json still gets valid JSON
                return (null, globals.Json
                    ? await UserErrors.FailAsync(true, output, TextWriter.Null, "Erreur : la base de données n'a pas pu être préparée (voir le message ci-dessus).")
                    : ExitCodes.Failure);
            }

            var opened = new VerbHost(host, data, held);
            held = null;
            host = null!;
            return (opened, ExitCodes.Ok);
        }
        finally
        {
            if (held is not null)
            {
                await held.DisposeAsync();
            }

            host?.Dispose();
        }
    }

    /// <summary>Creates the data folder and migrates the database; prints a clear French error and returns false when
    /// that fails (the caller exits with 2).</summary>
    public static Task<bool> PrepareStorageAsync(IHost host, TextWriter error, CancellationToken cancellationToken) =>
        PrepareStorageAsync(host, error, createData: true, cancellationToken);

    /// <param name="createData">false for <c>status</c> and <c>consolidate</c>, which never create a data folder.</param>
    public static async Task<bool> PrepareStorageAsync(IHost host, TextWriter error, bool createData, CancellationToken cancellationToken)
    {
        DataFolder data = host.Services.GetRequiredService<DataFolder>();
        try
        {
            if (CheckUserInput(host, createData) is { } mistake)
            {
                await error.WriteLineAsync(mistake);
                return false;
            }

            _ = host.Services.GetRequiredService<IOptions<CleaNumOptions>>().Value;
            await host.Services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(cancellationToken);
            return true;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"Erreur de configuration : {string.Join(" ; ", ex.Failures)}");
        }
        catch (Exception ex) when (UserErrors.Describe(ex, data.Root) is { } sentence)
        {
            await error.WriteLineAsync(sentence);
        }

        return false;
    }

    /// <summary>The user's mistakes that can be seen before any work (service.md): the data folder (a file, missing for
    /// <c>status</c>/<c>consolidate</c>, not writable, full disk) and the connection string. Null when all is well.</summary>
    public static string? CheckUserInput(IHost host, bool createData)
    {
        StorageOptions storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return UserErrors.CheckConnectionString(storage.ConnectionString, storage.Provider)
            ?? UserErrors.CheckDataFolder(host.Services.GetRequiredService<DataFolder>(), createData);
    }

    public async ValueTask DisposeAsync()
    {
        await _held.DisposeAsync();
        Host.Dispose();
    }
}
