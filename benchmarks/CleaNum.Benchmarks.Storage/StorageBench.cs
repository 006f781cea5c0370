using CleaNum.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Benchmarks.Storage;

internal static class StorageBench
{
    /// <summary>Storage alone (SQLite on <paramref name="dbPath"/>), as the Worker registers it.</summary>
    public static ServiceProvider BuildServices(string dbPath)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:SqlitePath"] = dbPath,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddCleaNumStorage();
        return services.BuildServiceProvider();
    }
}
