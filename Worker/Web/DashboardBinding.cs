using System.Net;

namespace CleaNum.Worker.Web;

/// <summary>Where the dashboard listens (<c>Web:Urls</c>) and whether that is allowed: loopback needs no sign-in, any
/// other address needs <c>Web:Auth</c>. One rule, read at start-up before anything listens.</summary>
internal sealed record DashboardBinding(IReadOnlyList<Uri> Urls)
{
    /// <summary>Parses <see cref="WebOptions.Urls"/>; <paramref name="refusal"/> is a French sentence when the service
    /// must not start (exit 2), null otherwise. A disabled dashboard gives an empty binding.</summary>
    public static DashboardBinding Parse(WebOptions options, out string? refusal)
    {
        refusal = null;
        if (!options.Enabled)
        {
            return new DashboardBinding([]);
        }

        var urls = new List<Uri>();
        foreach (string part in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel's wildcards (http://*:80, http://+:80) are not URIs: they mean "every address".
            string parsable = part.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                refusal = $"Erreur de configuration : Web:Urls « {part} » n'est pas une adresse du tableau de bord (exemple : http://127.0.0.1:5080, ou « Off » pour le désactiver).";
                return new DashboardBinding([]);
            }

            urls.Add(uri);
        }

        var binding = new DashboardBinding(urls);
        bool https = urls.Any(u => u.Scheme == "https");
        if (https && options.Auth != WebAuth.Windows && string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            refusal = "Erreur de configuration : Web:Urls contient une adresse https mais Web:CertificatePath (le certificat .pfx du serveur) n'est pas renseigné.";
        }
        else if (https && options.Auth != WebAuth.Windows && !File.Exists(options.CertificatePath))
        {
            refusal = $"Erreur de configuration : le certificat « {options.CertificatePath} » (Web:CertificatePath) est introuvable.";
        }
        else if (options.Auth == WebAuth.None && binding.Urls.FirstOrDefault(u => !IsLoopback(u)) is { } exposed)
        {
            refusal = $"Erreur : le tableau de bord ne peut pas écouter sur « {exposed.GetLeftPart(UriPartial.Authority)} » sans connexion : "
                + "gardez une adresse locale (http://127.0.0.1:5080) ou réglez Web:Auth sur « Password » (avec Web:PasswordHash) ou « Windows ».";
        }
        else if (options.Auth == WebAuth.Password && !PasswordHasher.IsHash(options.PasswordHash))
        {
            refusal = "Erreur de configuration : Web:Auth vaut « Password » mais Web:PasswordHash est vide ou invalide : "
                + "calculez-le avec « cleanum mot-de-passe » et placez-le dans la configuration (CLEANUM__Web__PasswordHash).";
        }
        else if (options.Auth == WebAuth.Windows && !OperatingSystem.IsWindows())
        {
            refusal = "Erreur de configuration : Web:Auth « Windows » (authentification Windows) n'est possible que sous Windows ; "
                + "utilisez « Password » sur ce système.";
        }

        return binding;
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
}
