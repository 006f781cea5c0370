using CleaNum.Worker.Web;

namespace CleaNum.Worker.Tests.Web;

/// <summary>Where the dashboard may listen: loopback freely, anything else only with a sign-in.</summary>
public sealed class DashboardBindingTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:0")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://127.0.0.2:8080; http://[::1]:0")]
    public void Does_accept_loopback_addresses_without_sign_in(string urls)
    {
        DashboardBinding binding = DashboardBinding.Parse(new WebOptions { Urls = urls }, out string? refusal);

        Assert.Null(refusal);
        Assert.NotEmpty(binding.Urls);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:80")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://192.168.1.10:5080")]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.5:5080")]
    [InlineData("http://intranet.example:5080")]
    public void Does_refuse_any_other_address_without_sign_in(string urls)
    {
        DashboardBinding.Parse(new WebOptions { Urls = urls }, out string? refusal);

        Assert.NotNull(refusal);
        Assert.Contains("sans connexion", refusal, StringComparison.Ordinal);
        Assert.Contains("Web:Auth", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_accept_another_address_with_a_password_and_refuses_a_password_without_hash()
    {
        DashboardBinding.Parse(new WebOptions { Urls = "http://0.0.0.0:5080", Auth = WebAuth.Password, PasswordHash = PasswordHasher.Hash("s3cret") }, out string? withHash);
        DashboardBinding.Parse(new WebOptions { Urls = "http://0.0.0.0:5080", Auth = WebAuth.Password }, out string? withoutHash);
        DashboardBinding.Parse(new WebOptions { Urls = "http://0.0.0.0:5080", Auth = WebAuth.Password, PasswordHash = "s3cret" }, out string? plainPassword);

        Assert.Null(withHash);
        Assert.Contains("Web:PasswordHash", withoutHash, StringComparison.Ordinal);
        Assert.Contains("Web:PasswordHash", plainPassword, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5080")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://127.0.0.1:5080/tableau")]
    public void Does_refuse_what_is_not_a_dashboard_address(string urls)
    {
        DashboardBinding.Parse(new WebOptions { Urls = urls }, out string? refusal);

        Assert.Contains("n'est pas une adresse", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Off")]
    [InlineData("off")]
    [InlineData("")]
    public void Does_listen_nowhere_when_off(string urls)
    {
        DashboardBinding binding = DashboardBinding.Parse(new WebOptions { Urls = urls }, out string? refusal);

        Assert.Null(refusal);
        Assert.Empty(binding.Urls);
    }

    [Fact]
    public void Does_verify_only_the_password_it_was_hashed_from()
    {
        string hash = PasswordHasher.Hash("mot de passe été");

        Assert.True(PasswordHasher.Verify("mot de passe été", hash));
        Assert.False(PasswordHasher.Verify("mot de passe ete", hash));
        Assert.False(PasswordHasher.Verify("", hash));
        Assert.NotEqual(hash, PasswordHasher.Hash("mot de passe été")); // salted
    }

    [Fact]
    public void Does_print_a_hash_the_dashboard_accepts_for_the_password_read_on_standard_input()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = PasswordCommand.Run(new StringReader("mot de passe été\n"), output, error);
        int empty = PasswordCommand.Run(new StringReader(""), TextWriter.Null, error);

        Assert.Equal(0, exit);
        Assert.True(PasswordHasher.Verify("mot de passe été", output.ToString().Trim()));
        Assert.DoesNotContain("mot de passe été", output.ToString() + error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, empty);
    }

    [Fact]
    public void Does_refuse_an_https_address_without_a_certificate()
    {
        DashboardBinding.Parse(new WebOptions { Urls = "https://127.0.0.1:5443" }, out string? none);
        DashboardBinding.Parse(new WebOptions { Urls = "https://127.0.0.1:5443", CertificatePath = "/nulle/part/serveur.pfx" }, out string? missing);

        Assert.Contains("Web:CertificatePath", none, StringComparison.Ordinal);
        Assert.Contains("introuvable", missing, StringComparison.Ordinal);
    }
}
