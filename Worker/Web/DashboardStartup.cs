using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Web;

/// <summary>The two things <c>cleanum run</c> asks about the dashboard: may the service start with this <c>Web</c>
/// section (before anything listens), and the one French start-up line (what it watches, where the dashboard is, how
/// to stop it).</summary>
internal static class DashboardStartup
{
    /// <summary>A French sentence when the service must not start (exit 2), else null.</summary>
    public static string? Refusal(IServiceProvider services)
    {
        try
        {
            WebOptions web = services.GetRequiredService<IOptions<WebOptions>>().Value;
            DashboardBinding binding = DashboardBinding.Parse(web, out string? refusal);
            if (refusal is null && binding.Urls.Any(u => u.Scheme == "https") && web.Auth != WebAuth.Windows)
            {
                try
                {
                    using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(web.CertificatePath!, web.CertificatePassword);
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    return $"Erreur de configuration : le certificat « {web.CertificatePath} » ne s'ouvre pas (fichier .pfx attendu, vérifiez Web:CertificatePassword).";
                }
            }

            return refusal;
        }
        catch (OptionsValidationException ex)
        {
            return $"Erreur de configuration (Web) : {string.Join(" ; ", ex.Failures)}";
        }
        catch (InvalidOperationException ex)
        {
            return $"Erreur de configuration (Web) : {ex.Message} Valeurs possibles pour Web:Auth : None, Password, Windows.";
        }
    }

    public static string StartLine(IServiceProvider services)
    {
        DataFolder data = services.GetRequiredService<DataFolder>();
        DashboardServer server = services.GetRequiredService<DashboardServer>();
        string dashboard = server.Addresses.Count > 0
            ? $"tableau de bord : {string.Join(" ", server.Addresses.Select(a => a.TrimEnd('/') + "/"))}"
            : server.Unavailable is { } why ? $"tableau de bord indisponible ({why})" : "tableau de bord désactivé (Web:Urls = Off)";
        return $"CleaNum surveille « {data.Depot} » ; {dashboard} ; Ctrl+C pour arrêter.";
    }
}
