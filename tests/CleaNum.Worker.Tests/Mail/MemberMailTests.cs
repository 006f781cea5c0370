using CleaNum.Core.Domain;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Testing;
using CleaNum.Worker.Cli;
using CleaNum.Worker.Ingest;
using CleaNum.Worker.Mail;
using CleaNum.Worker.Tests.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace CleaNum.Worker.Tests.Mail;

/// <summary>Member e-mail end to end: the real pipeline, a real SQLite file, a real SMTP server on loopback.</summary>
public sealed class MemberMailTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string[] MemberFiles =
    [
        "acme-formation-idf.xlsx", "cap-numerique-bretagne.xlsx", "savoirs-occitanie.xls", "formaclea-aura.xlsx",
        "numerique-grand-est.xlsx", "erreurs-typiques-formanord.xlsx", "illisible-formation-plus.xlsx",
    ];

    private static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Mail:Mode"] = "Smtp",
        ["Mail:From"] = "Réseau Exemple <cleanum@reseau-exemple.fr>",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:Smtp:Timeout"] = "00:00:05",
        ["Mail:RetryDelay"] = "00:00:00.050",
    };

    [Fact]
    public async Task Sends_each_member_one_message_with_its_report_and_nothing_again_after_a_restart()
    {
        await using TestSmtpServer server = TestSmtpServer.Start();
        await using IngestFixture fixture = await IngestFixture.CreateAsync(settings: Smtp(server.Port));
        var outcomes = new List<IngestOutcome>();
        foreach (string file in MemberFiles)
        {
            outcomes.Add(await fixture.IngestAsync(fixture.Drop(file)));
        }

        MailDeliveryReport report = await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);

        var store = fixture.Host.Services.GetRequiredService<ISubmissionStore>();
        IReadOnlyDictionary<string, string> roster = RosterEdits.Emails(IngestFixture.Sample("reseau.xlsx"));
        var expected = new Dictionary<string, IngestOutcome>(StringComparer.OrdinalIgnoreCase);
        foreach (IngestOutcome o in outcomes.Where(o => o.Siren is not null))
        {
            Submission stored = (await store.FindBySha256Async(o.Sha256, None))!;
            string? address = (await store.GetAsync(stored.Id, None))!.Data?.Organisation.MainContact.Email;

            // FormaNord's own address has no domain (EMAIL_FORMAT): its report goes to the roster's Courriel instead.
            if (address is null || !address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..].Contains('.', StringComparison.Ordinal))
            {
                address = roster.GetValueOrDefault(o.Siren!);
            }

            if (address is not null)
            {
                expected[address] = o;
            }
        }

        Assert.True(expected.Count >= 6, $"only {expected.Count} sample members give a contact address");
        Assert.Contains(roster[outcomes.Single(o => o.MemberName == "FormaNord").Siren!], expected.Keys);
        Assert.Equal(expected.Count, report.Sent);
        Assert.Equal(expected.Count, server.Messages.Count);
        foreach (MimeMessage message in server.Messages)
        {
            string to = Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address;
            IngestOutcome outcome = expected[to];
            Assert.StartsWith($"CléA numérique – {outcome.MemberName} : ", message.Subject ?? "", StringComparison.Ordinal);
            string[] attached = [.. message.Attachments.OfType<MimePart>().Select(a => a.FileName ?? "")];
            Assert.Contains(Path.GetFileName(outcome.Report!), attached);
            if (outcome.AnnotatedCopy is not null)
            {
                Assert.Contains(Path.GetFileName(outcome.AnnotatedCopy), attached);
            }
        }

        using IHost restarted = await fixture.RestartAsync(Smtp(server.Port));
        MailDeliveryReport again = await Commands.SendMailAsync(restarted, TextWriter.Null, None);
        Assert.Equal(0, again.Sent);
        Assert.Equal(expected.Count, server.Messages.Count);
    }

    [Fact]
    public async Task Never_sends_a_message_that_a_killed_process_was_sending_and_shows_it()
    {
        await using TestSmtpServer server = TestSmtpServer.Start();
        await using IngestFixture fixture = await IngestFixture.CreateAsync(settings: Smtp(server.Port));
        await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));
        var mails = fixture.Host.Services.GetRequiredService<IMailStore>();
        MemberMail queued = Assert.Single(await mails.GetDueAsync(TimeProvider.System.GetUtcNow().UtcDateTime, None));
        Assert.True(await mails.TryStartSendingAsync(queued.Id, TimeProvider.System.GetUtcNow().UtcDateTime, None)); // then the process dies

        using IHost restarted = await fixture.RestartAsync(Smtp(server.Port));
        MailDeliveryReport report = await Commands.SendMailAsync(restarted, TextWriter.Null, None);

        Assert.Equal(0, report.Sent);
        Assert.Empty(server.Messages);
        MemberMail shown = Assert.Single(await mails.GetByMemberAsync(queued.Siren!, None));
        Assert.Equal(MailState.Interrupted, shown.State);
    }

    [Fact]
    public async Task Keeps_messages_queued_while_the_server_is_down_then_sends_them_once()
    {
        int port = TestSmtpServer.FreePort();
        await using IngestFixture fixture = await IngestFixture.CreateAsync(settings: Smtp(port));
        await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));

        MailDeliveryReport down = await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);
        await Task.Delay(100);
        await using TestSmtpServer server = TestSmtpServer.Start(port);
        MailDeliveryReport up = await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);
        MailDeliveryReport again = await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);

        Assert.Equal((0, 1), (down.Sent, down.Retrying));
        Assert.Equal((1, 0), (up.Sent, up.Retrying));
        Assert.Equal(0, again.Sent);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task Keeps_a_refused_message_as_failed_and_does_not_retry_it()
    {
        await using TestSmtpServer server = TestSmtpServer.Start();
        server.RejectRecipients = true;
        await using IngestFixture fixture = await IngestFixture.CreateAsync(settings: Smtp(server.Port));
        IngestOutcome outcome = await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));

        MailDeliveryReport first = await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);
        server.RejectRecipients = false;
        MailDeliveryReport second = await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);

        Assert.Equal(1, first.Failed);
        Assert.True(second.IsEmpty);
        MemberMail failed = Assert.Single(await fixture.Host.Services.GetRequiredService<IMailStore>().GetByMemberAsync(outcome.Siren!, None));
        Assert.Equal(MailState.Failed, failed.State);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_eml_files_under_envois_in_outbox_mode()
    {
        await using IngestFixture fixture = await IngestFixture.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Outbox",
            ["Mail:From"] = "cleanum@reseau-exemple.fr",
        });
        await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));

        MailDeliveryReport report = await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);

        string eml = Assert.Single(report.Locations);
        Assert.True(DataFolder.IsInside(eml, fixture.Data.Outbox));
        MimeMessage message = await MimeMessage.LoadAsync(eml);
        Assert.Equal("1", message.Headers["X-Unsent"]);
        Assert.Contains("Rapport", Assert.IsType<MimePart>(Assert.Single(message.Attachments)).FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_still_refused_for_a_copy_of_a_refused_file_and_exits_1()
    {
        string root = Path.Combine(Path.GetTempPath(), "cleanum-tests", "dup " + Guid.NewGuid().ToString("N")[..8]);
        string copy = Path.Combine(Path.GetTempPath(), "cleanum-tests", $"copie-{Guid.NewGuid():N}.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(IngestFixture.Sample("erreurs-typiques-formanord.xlsx"), copy);
        try
        {
            using var output = new StringWriter();
            int first = await CleaNumCommandLine.RunAsync(["ingest", IngestFixture.Sample("erreurs-typiques-formanord.xlsx"), "--data", root], output, TextWriter.Null);
            using var again = new StringWriter();
            int second = await CleaNumCommandLine.RunAsync(["ingest", copy, "--data", root], again, TextWriter.Null);

            Assert.Equal(ExitCodes.Findings, first);
            Assert.Equal(ExitCodes.Findings, second);
            Assert.Contains("toujours refusé", again.ToString(), StringComparison.Ordinal);
            string duplicateReport = Assert.Single(
                Directory.GetFiles(Path.Combine(root, "rapports"), "*Rapport*", SearchOption.AllDirectories),
                p => p.Contains("doublons", StringComparison.Ordinal));
            using var workbook = new ClosedXML.Excel.XLWorkbook(duplicateReport);
            string summary = string.Join("\n", workbook.Worksheet("Synthese").CellsUsed().Select(c => c.GetString()));
            Assert.Contains("Toujours refusé", summary, StringComparison.Ordinal);
            Assert.Contains("voir le rapport du", string.Join("\n", workbook.Worksheet("Anomalies").CellsUsed().Select(c => c.GetString())), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Vous n'avez rien à faire", summary, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
            File.Delete(copy);
        }
    }
}
