using System.Net;
using CleaNum.Worker.Web;

namespace CleaNum.Worker.Tests.Web;

/// <summary>A dashboard with <c>Web:Auth=Password</c> (no sample data: only the sign-in is under test).</summary>
public class PasswordDashboardFixture : DashboardFixture
{
    public const string Password = "Tête de réseau 2026 !";

    internal override bool FeedSamples => false;

    internal override Dictionary<string, string?> Settings() => new()
    {
        ["Web:Urls"] = "http://127.0.0.1:0",
        ["Web:Auth"] = "Password",
        ["Web:PasswordHash"] = PasswordHasher.Hash(Password),
        ["Web:MaxFailedSignIns"] = "3",
    };
}

/// <summary>Cookie sign-in: nothing but the style sheet, the script and the sign-in page before it.</summary>
public sealed class DashboardSignInTests(PasswordDashboardFixture fixture) : IClassFixture<PasswordDashboardFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/membres")]
    [InlineData("/api/etat")]
    [InlineData("/fichiers/annexe/x.xlsx")]
    public async Task Does_send_a_visitor_to_the_sign_in_page(string path)
    {
        using HttpClient client = fixture.Client();

        using HttpResponseMessage response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_sign_in_with_the_password_and_out_again()
    {
        using HttpClient client = fixture.Client();
        string form = await client.GetStringAsync("/connexion");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/static/cleanum.css")).StatusCode);

        using HttpResponseMessage signIn = await client.PostAsync("/connexion", new FormUrlEncodedContent([
            new("__jeton", DashboardFixture.Token(form)), new("motdepasse", PasswordDashboardFixture.Password), new("retour", "/membres")]));
        using HttpResponseMessage members = await client.GetAsync("/membres");
        string page = await members.Content.ReadAsStringAsync();
        using HttpResponseMessage signOut = await client.PostAsync("/deconnexion", new FormUrlEncodedContent([new("__jeton", DashboardFixture.Token(page))]));
        using HttpResponseMessage after = await client.GetAsync("/membres");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/membres", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Does_refuse_a_sign_in_without_its_anti_forgery_token_and_an_outside_return_address()
    {
        using HttpClient client = fixture.Client();
        string form = await client.GetStringAsync("/connexion");

        using HttpResponseMessage forged = await client.PostAsync("/connexion", new FormUrlEncodedContent([new("motdepasse", PasswordDashboardFixture.Password)]));
        using HttpResponseMessage outside = await client.PostAsync("/connexion", new FormUrlEncodedContent([
            new("__jeton", DashboardFixture.Token(form)), new("motdepasse", PasswordDashboardFixture.Password), new("retour", "//evil.example/")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("/", outside.Headers.Location?.OriginalString);
    }
}

/// <summary>Lockout: its own service, so the failed attempts of one test do not lock out another.</summary>
public sealed class DashboardLockoutTests(PasswordDashboardFixture fixture) : IClassFixture<PasswordDashboardFixture>
{
    [Fact]
    public async Task Does_lock_an_address_out_after_repeated_failures_even_with_the_right_password()
    {
        using HttpClient client = fixture.Client();
        var statuses = new List<HttpStatusCode>();

        for (int i = 0; i < 4; i++)
        {
            string form = await client.GetStringAsync("/connexion");
            string password = i < 3 ? "mauvais" : PasswordDashboardFixture.Password;
            using HttpResponseMessage response = await client.PostAsync("/connexion", new FormUrlEncodedContent([
                new("__jeton", DashboardFixture.Token(form)), new("motdepasse", password)]));
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.Contains("Trop d'essais", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
