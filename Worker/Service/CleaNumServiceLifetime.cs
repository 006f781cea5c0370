using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Service;

/// <summary>
/// The Windows service lifetime, with one difference: when the host stops itself because a background service faulted
/// (database unusable for good, SQLite file gone…), the service reports STOPPED with exit code 1 instead of 0. The
/// plain <see cref="WindowsServiceLifetime"/> always reports 0 (<c>ServiceBase.ExitCode</c>), so the recovery actions of
/// <c>sc.exe failure</c> never fire; with a non-zero code and <c>sc.exe failureflag CleaNum 1</c> they do.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class CleaNumServiceLifetime(
    IHostEnvironment environment,
    IHostApplicationLifetime applicationLifetime,
    ILoggerFactory loggerFactory,
    IOptions<HostOptions> hostOptions,
    IOptions<WindowsServiceLifetimeOptions> serviceOptions,
    IServiceProvider services)
    : WindowsServiceLifetime(environment, applicationLifetime, loggerFactory, hostOptions, serviceOptions)
{
    protected override void OnStop()
    {
        // Host-initiated stop: the hosted services have already stopped, their outcome is known. SCM-initiated stop:
        // nothing faulted, 0. Set before base.OnStop(): SERVICE_STOPPED is reported right after with this code.
        ExitCode = HostExit.Code(services.GetServices<IHostedService>());
        base.OnStop();
    }

    /// <summary>Replaces the lifetime <c>AddWindowsService</c> registered, when the process runs as a Windows service.</summary>
    public static void Register(IServiceCollection services)
    {
        if (WindowsServiceHelpers.IsWindowsService())
        {
            services.AddSingleton<IHostLifetime, CleaNumServiceLifetime>();
        }
    }
}

/// <summary>The exit code of <c>run</c> once the host has stopped: 1 when a background service faulted (the host
/// stopped itself: the service manager must restart it), else 0.</summary>
internal static class HostExit
{
    public const int Faulted = 1;

    public static int Code(IEnumerable<IHostedService> hostedServices) =>
        hostedServices.OfType<BackgroundService>().Any(w => w.ExecuteTask is { IsFaulted: true }) ? Faulted : 0;
}
