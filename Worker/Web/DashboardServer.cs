using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Web;

/// <summary>
/// The dashboard inside <c>cleanum run</c>: a small ASP.NET Core application (Kestrel) started and stopped with the
/// service host, over the service's own singletons (no second composition root). A port already in use does not stop
/// the service: it logs a French warning and keeps ingesting (the files matter more than the pages).
/// </summary>
internal sealed class DashboardServer(
    IOptions<WebOptions> options,
    DashboardQueries queries,
    DataFolder data,
    IServiceProvider services,
    ILoggerFactory loggerFactory,
    TimeProvider time) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<DashboardServer>();
    private WebApplication? _app;

    /// <summary>Where the dashboard answers (the bound addresses, e.g. port 0 resolved), empty when off or not started.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    /// <summary>Why the dashboard is not served although enabled (French), e.g. port in use; null otherwise.</summary>
    public string? Unavailable { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        WebOptions web = options.Value;
        DashboardBinding binding = DashboardBinding.Parse(web, out string? refusal);
        if (refusal is not null)
        {
            // RunCommand refuses to start before this (exit 2); a host built another way must not expose the data either.
            throw new OptionsValidationException(WebOptions.SectionName, typeof(WebOptions), [refusal]);
        }

        if (binding.Urls.Count == 0)
        {
            return;
        }

        WebApplication app = Build(web, binding);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            Unavailable = $"le tableau de bord n'a pas pu écouter sur {string.Join(", ", binding.Urls.Select(u => u.GetLeftPart(UriPartial.Authority)))} ({ex.Message})";
            _logger.DashboardUnavailable(Unavailable);
            await app.DisposeAsync();
            return;
        }

        _app = app;
        Addresses = [.. app.Urls];
        string listening = string.Join(", ", Addresses);
        _logger.DashboardListening(listening);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private WebApplication Build(WebOptions web, DashboardBinding binding)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = "CleaNum",
            ContentRootPath = AppContext.BaseDirectory,
        });

        if (web.Auth == WebAuth.Windows && OperatingSystem.IsWindows())
        {
            builder.WebHost.UseHttpSys(o =>
            {
                o.Authentication.Schemes = Microsoft.AspNetCore.Server.HttpSys.AuthenticationSchemes.Negotiate
                                           | Microsoft.AspNetCore.Server.HttpSys.AuthenticationSchemes.NTLM;
                o.Authentication.AllowAnonymous = false;
            });
        }
        else
        {
            builder.WebHost.UseKestrel(k =>
            {
                k.AddServerHeader = false;
                if (!string.IsNullOrWhiteSpace(web.CertificatePath))
                {
                    k.ConfigureHttpsDefaults(h => h.ServerCertificate =
                        System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(web.CertificatePath, web.CertificatePassword));
                }
            });
        }

        builder.WebHost.UseUrls([.. binding.Urls.Select(u => u.GetLeftPart(UriPartial.Authority))]);

        // The service's logging, and no console lifetime of its own: Ctrl+C and SIGTERM belong to the service host.
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, NoLifetime>());
        builder.Services.AddRouting();
        builder.Services.AddDataProtection()
            .SetApplicationName("CleaNum")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data.Root, ".cles-tableau-de-bord")));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cleanum-jeton";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__jeton";
        });
        if (web.Auth == WebAuth.Password)
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o =>
                {
                    o.Cookie.Name = "cleanum-session";
                    o.Cookie.SameSite = SameSiteMode.Strict;
                    o.Cookie.HttpOnly = true;
                    o.LoginPath = "/connexion";
                    o.LogoutPath = "/deconnexion";
                    o.ReturnUrlParameter = "retour";
                    o.ExpireTimeSpan = TimeSpan.FromHours(8);
                    o.SlidingExpiration = true;
                });
            builder.Services.AddAuthorization();
        }

        builder.Services.AddSingleton(web);
        builder.Services.AddSingleton(queries);
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(services.GetRequiredService<Service.IConsolidationTrigger>());
        builder.Services.AddSingleton(RegionMap.Load());
        builder.Services.AddSingleton(new SignInGuard(web, time));

        WebApplication app = builder.Build();
        DashboardEndpoints.Map(app, web);
        return app;
    }

    /// <summary>Starts and stops with the service; never listens to the console itself.</summary>
    private sealed class NoLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
