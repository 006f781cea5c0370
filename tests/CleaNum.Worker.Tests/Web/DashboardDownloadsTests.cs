using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CleaNum.Worker.Tests.Web;

/// <summary>Downloads serve only files under rapports/ and annexe/: every way out of them answers 404, checked on the
/// wire (raw HTTP request lines, so neither HttpClient nor Uri normalise the path before the server sees it).</summary>
[Collection(DashboardTestGroup.Name)]
public sealed class DashboardDownloadsTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("/fichiers/rapports/../cleanum.db")]
    [InlineData("/fichiers/rapports/%2e%2e/cleanum.db")]
    [InlineData("/fichiers/rapports/%2E%2E/reseau.xlsx")]
    [InlineData("/fichiers/rapports/..%2fcleanum.db")]
    [InlineData("/fichiers/rapports/..%2Fcleanum.db")]
    [InlineData("/fichiers/rapports/%252e%252e/cleanum.db")]
    [InlineData("/fichiers/rapports/..%5ccleanum.db")]
    [InlineData("/fichiers/rapports\\..\\cleanum.db")]
    [InlineData("/fichiers/annexe/../../../../etc/passwd")]
    [InlineData("/fichiers/annexe/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/fichiers//etc/passwd")]
    [InlineData("/fichiers/%2fetc%2fpasswd")]
    [InlineData("/fichiers/archives/x.xlsx")]
    [InlineData("/fichiers/cleanum.db")]
    [InlineData("/fichiers/reseau.xlsx")]
    [InlineData("/fichiers/depot/x.xlsx")]
    [InlineData("/fichiers/rapports/")]
    [InlineData("/fichiers/annexe/.cleanum.lock")]
    [InlineData("/fichiers/C:%5cWindows%5cwin.ini")]
    public async Task Does_answer_404_to_any_path_leaving_the_report_and_annex_folders(string rawPath)
    {
        (int status, string body) = await RawGetAsync(rawPath);

        Assert.Contains(status, new[] { 400, 404 }); // 400: Kestrel itself refused the request line
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite format", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_not_follow_a_symbolic_link_out_of_the_report_folder()
    {
        string secret = Path.Combine(fixture.Service.Root, "secret.txt");
        await File.WriteAllTextAsync(secret, "données privées");
        string linkedFile = Path.Combine(fixture.Data.Reports, "lien.txt");
        string linkedFolder = Path.Combine(fixture.Data.Reports, "dossier-lien");
        File.CreateSymbolicLink(linkedFile, secret);
        Directory.CreateSymbolicLink(linkedFolder, fixture.Service.Root);

        (int file, _) = await RawGetAsync("/fichiers/rapports/lien.txt");
        (int throughFolder, _) = await RawGetAsync("/fichiers/rapports/dossier-lien/secret.txt");

        Assert.Equal(404, file);
        Assert.Equal(404, throughFolder);
    }

    [Fact]
    public async Task Does_serve_a_file_of_the_annex_folder()
    {
        Directory.CreateDirectory(fixture.Data.Annex);
        await File.WriteAllTextAsync(Path.Combine(fixture.Data.Annex, "PJ2 lettre été.docx"), "contenu");

        using HttpClient client = fixture.Client();
        using HttpResponseMessage response = await client.GetAsync("/fichiers/annexe/PJ2%20lettre%20%C3%A9t%C3%A9.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("contenu", await response.Content.ReadAsStringAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("PJ2 lettre été.docx", WebUtility.HtmlDecode(await client.GetStringAsync("/annexe")), StringComparison.Ordinal);
    }

    /// <summary>Sends the request line byte for byte and returns the status code and body.</summary>
    private async Task<(int Status, string Body)> RawGetAsync(string rawPath)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(fixture.BaseAddress.Host, fixture.BaseAddress.Port);
        await using NetworkStream stream = tcp.GetStream();
        byte[] request = Encoding.ASCII.GetBytes($"GET {rawPath} HTTP/1.1\r\nHost: {fixture.BaseAddress.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync();
        string statusLine = response.Split("\r\n")[0];
        int status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        int bodyStart = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyStart < 0 ? "" : response[(bodyStart + 4)..]);
    }
}
