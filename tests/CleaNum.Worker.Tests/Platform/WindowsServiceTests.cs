using CleaNum.Worker.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.EventLog;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Tests.Platform;

/// <summary>
/// What the Windows service depends on, tested here where it does not need the service manager (SCM, Event Log and
/// recovery actions themselves cannot run on Linux: docs/service.md and the README say so).
/// </summary>
public sealed class WindowsServiceTests
{
    [Fact]
    public void Resolves_relative_data_paths_against_the_documented_base_never_the_current_folder()
    {
        string serviceBase = Path.Combine(Path.GetTempPath(), "ProgramData", "CleaNum");
        string absolute = Path.Combine(Path.GetTempPath(), "Donnees");

        Assert.Equal(Path.Combine(serviceBase, "cleanum-data"), DataFolder.ResolveRoot("cleanum-data", serviceBase));
        Assert.Equal(absolute, DataFolder.ResolveRoot(absolute, serviceBase));
        Assert.Equal(Path.GetFullPath("cleanum-data"), DataFolder.ResolveRoot("cleanum-data", serviceBase: null));
        Assert.EndsWith(Path.Combine("CleaNum"), DataFolder.WindowsServiceBase, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_exit_code_1_to_the_service_manager_when_a_background_service_faulted()
    {
        var healthy = new Quiet();
        var faulted = new Faulting();
        await healthy.StartAsync(CancellationToken.None);
        await faulted.StartAsync(CancellationToken.None);
        await Service.ServiceFixture.WaitUntilAsync(() => faulted.ExecuteTask!.IsCompleted, TimeSpan.FromSeconds(10));

        Assert.Equal(0, HostExit.Code([healthy]));
        Assert.Equal(HostExit.Faulted, HostExit.Code([healthy, faulted]));
        await healthy.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Sends_information_to_the_event_log_under_the_source_the_install_steps_register()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var services = new ServiceCollection();
        services.AddOptions();
        services.AddLogging(logging =>
        {
#pragma warning disable CA1416 // what CleaNumHost runs on Windows; the options themselves are plain objects
            logging.AddFilter<EventLogLoggerProvider>(null, LogLevel.Warning); // the host's Windows default
            CleaNumHost.ConfigureEventLog(logging.Services, logging, configuration);
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        EventLogSettings settings = provider.GetRequiredService<IOptions<EventLogSettings>>().Value;
        LoggerFilterRule rule = provider.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules
            .Last(r => r.ProviderName == typeof(EventLogLoggerProvider).FullName && r.CategoryName is null);

        Assert.Equal("CleaNum", settings.SourceName);
        Assert.Equal("Application", settings.LogName);
#pragma warning restore CA1416
        Assert.Equal(LogLevel.Information, rule.LogLevel);
    }

    [Fact]
    public void Ships_production_settings_that_never_create_a_sql_server_database()
    {
        IConfiguration production = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Production.json")).Build();

        Assert.Equal("False", production["Storage:CreateDatabase"], ignoreCase: true);
    }

    private sealed class Quiet : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }

    private sealed class Faulting : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("database unusable");
        }
    }
}
