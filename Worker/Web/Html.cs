using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CleaNum.Core;

namespace CleaNum.Worker.Web;

/// <summary>Server-side HTML: every value goes through <see cref="E"/>; no inline script or style (the CSP forbids
/// them), the only script is <c>/static/cleanum.js</c>.</summary>
internal static class Html
{
    private static readonly CultureInfo French = FrenchCulture.Instance;

    // Accents stay readable in the source; markup characters (< > & " ') are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static string E(int value) => value.ToString("N0", French);

    public static string DateTime(DateTime utc) => ParisTime.ToParis(utc).ToString("dd/MM/yyyy HH:mm", French);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    /// <summary>A sortable value for the table script (ISO, invariant).</summary>
    public static string SortKey(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes < 1024
        ? $"{bytes} o"
        : bytes < 1024 * 1024 ? $"{(bytes / 1024.0).ToString("0.#", French)} Ko" : $"{(bytes / 1024.0 / 1024.0).ToString("0.#", French)} Mo";

    public static string Plural(int count, string singular, string plural) => $"{E(count)} {(count is 0 or 1 ? singular : plural)}";

    /// <summary>The page frame: header with the network and the navigation, <c>main#contenu</c> (what the script
    /// refreshes), footer with the time of the data.</summary>
    public static string Page(string title, string headName, int campaign, string active, string body, DateTimeOffset takenAt, string version, int refreshSeconds, (string Field, string Token)? signOut)
    {
        var html = new StringBuilder(body.Length + 2048);
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append(" – CleaNum</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/static/cleanum.css\">\n<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n")
            .Append("<script src=\"/static/cleanum.js\" defer></script>\n</head>\n")
            .Append("<body data-refresh=\"").Append(refreshSeconds.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-version=\"").Append(E(version)).Append("\">\n")
            .Append("<header><div class=\"marque\"><strong>CleaNum</strong> <span>").Append(E(headName))
            .Append(" · campagne ").Append(campaign.ToString(CultureInfo.InvariantCulture)).Append("</span></div>\n<nav>");
        foreach ((string href, string label) in new[] { ("/", "Vue d'ensemble"), ("/membres", "Membres"), ("/annexe", "Annexe"), ("/evenements", "Événements") })
        {
            html.Append("<a href=\"").Append(href).Append('"').Append(href == active ? " aria-current=\"page\"" : "").Append('>')
                .Append(E(label)).Append("</a>");
        }

        if (signOut is { } form)
        {
            html.Append("<form method=\"post\" action=\"/deconnexion\" class=\"deconnexion\"><input type=\"hidden\" name=\"").Append(E(form.Field))
                .Append("\" value=\"").Append(E(form.Token)).Append("\"><button type=\"submit\">Se déconnecter</button></form>");
        }

        html.Append("</nav></header>\n<main id=\"contenu\">\n").Append(body).Append("\n</main>\n")
            .Append("<footer id=\"pied\">Données du ").Append(E(ParisTime.ToParis(takenAt).ToString("dd/MM/yyyy à HH:mm:ss", French)))
            .Append(" · mise à jour automatique · contours des régions : IGN – GEOFLA, INSEE – COG</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A page outside the data (sign-in, not found, error).</summary>
    public static string Bare(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + $"<title>{E(title)} – CleaNum</title>\n<link rel=\"stylesheet\" href=\"/static/cleanum.css\">\n<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n</head>\n<body>\n"
        + $"<header><div class=\"marque\"><strong>CleaNum</strong></div><nav><a href=\"/\">Vue d'ensemble</a></nav></header>\n<main id=\"contenu\" class=\"etroit\">\n{body}\n</main>\n</body>\n</html>\n";
}
