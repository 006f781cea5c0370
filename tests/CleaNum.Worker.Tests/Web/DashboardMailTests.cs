using System.Net;
using System.Text.RegularExpressions;

namespace CleaNum.Worker.Tests.Web;

/// <summary>The members table's « Dernier courriel » column, with the service writing members' e-mails (Outbox).</summary>
public sealed class DashboardMailFixture : DashboardFixture
{
    internal override Dictionary<string, string?> Settings() => new()
    {
        ["Web:Urls"] = "http://127.0.0.1:0",
        ["Mail:Mode"] = "Outbox",
        ["Mail:From"] = "Réseau Exemple <tete@reseau-exemple.fr>",
    };
}

// In the dashboard's collection: its fed services start one after the other, never two at once in one test process.
[Collection(DashboardTestGroup.Name)]
public sealed partial class DashboardMailTests(DashboardMailFixture fixture) : IClassFixture<DashboardMailFixture>
{
    [Fact]
    public async Task Does_show_each_members_last_email_in_the_members_table()
    {
        using HttpClient client = fixture.Client();

        string html = WebUtility.HtmlDecode(await client.GetStringAsync("/membres"));

        Assert.Contains(">Dernier courriel</th>", html, StringComparison.Ordinal);
        // ACME's file gives a valid contact address: its report message is queued or already written to envois/.
        Match acme = AcmeRow().Match(html);
        Assert.True(acme.Success, "no row for ACME Formation");
        Assert.Matches("(envoyé le|en attente|en cours d'envoi)", acme.Value);
    }

    [GeneratedRegex("<tr data-siren=\"[0-9]+\"><td><a [^>]*>ACME Formation</a>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex AcmeRow();
}
