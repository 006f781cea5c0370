using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CleaNum.Worker.Tests.Cli;
using CleaNum.Worker.Tests.Service;
using CleaNum.Worker.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Worker.Tests.Web;

/// <summary><c>cleanum run</c> and its dashboard as a real process: the start-up line, the refusal of an exposed
/// address without sign-in, and a port already taken.</summary>
public sealed partial class DashboardServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Does_say_where_the_dashboard_is_in_its_start_up_line()
    {
        string root = ServiceFixture.NewRoot();
        try
        {
            using var run = CleaNumProcess.Start($"run --data \"{root}\"", new Dictionary<string, string> { ["CLEANUM__Web__Urls"] = "http://127.0.0.1:0" });
            Assert.True(await ServiceFixture.WaitUntilAsync(() => StartLine().IsMatch(run.StandardError) || run.HasExited, Timeout), run.StandardError);

            Match line = StartLine().Match(run.StandardError);
            Assert.True(line.Success, run.StandardError);
            Assert.Contains(Path.Combine(root, "depot"), line.Value, StringComparison.Ordinal);
            Assert.Contains("Ctrl+C", line.Value, StringComparison.Ordinal);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            string home = await client.GetStringAsync(line.Groups[1].Value);
            Assert.Contains("Vue d&#x27;ensemble", home, StringComparison.Ordinal);
            run.Terminate();
            Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, run.ExitCode);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    public async Task Does_refuse_to_start_on_an_exposed_address_without_sign_in(string urls)
    {
        string root = ServiceFixture.NewRoot();
        try
        {
            using var run = CleaNumProcess.Start($"run --data \"{root}\"", new Dictionary<string, string> { ["CLEANUM__Web__Urls"] = urls });

            Assert.True(await run.WaitForExitAsync(Timeout));
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("ne peut pas écouter", run.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Does_keep_ingesting_with_a_french_warning_when_the_port_is_taken()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using ServiceFixture service = ServiceFixture.Create(settings: new Dictionary<string, string?> { ["Web:Urls"] = $"http://127.0.0.1:{port}" });

        await service.StartAsync();
        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), service.Depot("acme.xlsx"));

        DashboardServer dashboard = service.Host.Services.GetRequiredService<DashboardServer>();
        Assert.Empty(dashboard.Addresses);
        Assert.Contains("n'a pas pu écouter", dashboard.Unavailable, StringComparison.Ordinal);
        Assert.Contains("indisponible", DashboardStartup.StartLine(service.Host.Services), StringComparison.Ordinal);
        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Contains("acme.xlsx"), Timeout));
    }

    [Fact]
    public async Task Does_serve_https_with_the_configured_certificate()
    {
        string root = ServiceFixture.NewRoot();
        string pfx = Path.Combine(root, "serveur.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "clé été"));
        }

        await using ServiceFixture service = ServiceFixture.Create(root, new Dictionary<string, string?>
        {
            ["Web:Urls"] = "https://127.0.0.1:0",
            ["Web:CertificatePath"] = pfx,
            ["Web:CertificatePassword"] = "clé été",
        });
        Assert.Null(DashboardStartup.Refusal(service.Host.Services));
        await service.StartAsync();
        string address = Assert.Single(service.Host.Services.GetRequiredService<DashboardServer>().Addresses);
        string? seen = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => (seen = certificate?.Subject) is not null,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };

        using HttpResponseMessage response = await client.GetAsync(address);

        Assert.StartsWith("https://127.0.0.1:", address, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CN=127.0.0.1", seen);
    }

    [Fact]
    public async Task Does_refuse_a_certificate_that_does_not_open()
    {
        string root = ServiceFixture.NewRoot();
        string pfx = Path.Combine(root, "serveur.pfx");
        await File.WriteAllTextAsync(pfx, "pas un certificat");
        await using ServiceFixture service = ServiceFixture.Create(root, new Dictionary<string, string?>
        {
            ["Web:Urls"] = "https://127.0.0.1:0",
            ["Web:CertificatePath"] = pfx,
        });

        Assert.Contains("ne s'ouvre pas", DashboardStartup.Refusal(service.Host.Services), StringComparison.Ordinal);
    }

    [GeneratedRegex("CleaNum surveille .* tableau de bord : (http://127\\.0\\.0\\.1:\\d+/) ; Ctrl\\+C pour arrêter\\.")]
    private static partial Regex StartLine();
}
