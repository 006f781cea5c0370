using CleaNum.Worker.Tests.Service;
using MimeKit;

namespace CleaNum.Worker.Tests.Mail;

/// <summary>The running service follows the roster: the head saves <c>reseau.xlsx</c> and the members whose verdict
/// changed get their new report by e-mail, without a <c>consolider</c> file or the next scheduled consolidation.</summary>
public sealed class RosterWatchTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_withdrawn_mandate_reaches_the_member_while_the_service_runs()
    {
        await using var service = ServiceFixture.Create(settings: new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Outbox",
            ["Mail:From"] = "Réseau Exemple <cleanum@reseau-exemple.fr>",
            ["CleaNum:Consolidation:Enabled"] = "false",
        });
        string envois = Path.Combine(service.Root, "envois");
        await service.StartAsync();
        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), service.Depot("acme.xlsx"));
        Assert.True(await ServiceFixture.WaitUntilAsync(() => Messages(envois).Count == 1, Timeout), "the first report was not sent");
        Assert.Empty(ServiceFixture.Files(service.Data.Annex));

        string siren = AcmeSiren(service);
        RosterEdits.SetMandate(service.Data.RosterPath, siren, received: false);

        Assert.True(await ServiceFixture.WaitUntilAsync(() => Messages(envois).Count == 2, Timeout), "the re-issued report was not sent");
        MimeMessage reissued = Messages(envois).Single(m => (m.Subject ?? "").EndsWith("refusé", StringComparison.Ordinal));
        Assert.Equal("CléA numérique – ACME Formation : refusé", reissued.Subject);
        Assert.Contains("mandat", reissued.TextBody ?? "", StringComparison.OrdinalIgnoreCase);
        await Task.Delay(ServiceFixture.StabilityDelay * 4);
        Assert.Equal(2, Messages(envois).Count); // once per verdict
    }

    private static string AcmeSiren(ServiceFixture service) =>
        Path.GetFileName(Assert.Single(Directory.GetDirectories(Path.Combine(service.Root, "rapports"))));

    private static List<MimeMessage> Messages(string envois) =>
        Directory.Exists(envois)
            ? [.. Directory.EnumerateFiles(envois, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(p => MimeMessage.Load(p))]
            : [];
}
