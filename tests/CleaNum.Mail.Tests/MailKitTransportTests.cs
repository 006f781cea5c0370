using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CleaNum.Mail.Tests;

public sealed class MailKitTransportTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _root = Directory.CreateTempSubdirectory("cleanum-mail-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Sends_text_html_and_both_attachments_to_the_member_with_the_recorded_message_id()
    {
        await using TestSmtpServer server = TestSmtpServer.Start();
        MailKitTransport transport = Transport(Smtp(server.Port));
        MemberMail mail = AMail(transport);

        await using (IMailSession session = await transport.OpenAsync(None))
        {
            await session.SendAsync(mail, None);
        }

        MimeMessage received = Assert.Single(server.Messages);
        Assert.Equal("contact@acme-formation.fr", Assert.IsType<MailboxAddress>(Assert.Single(received.To)).Address);
        Assert.Equal("cleanum@reseau-exemple.fr", Assert.IsType<MailboxAddress>(Assert.Single(received.From)).Address);
        Assert.Equal("tete@reseau-exemple.fr", Assert.IsType<MailboxAddress>(Assert.Single(received.Cc)).Address);
        Assert.Equal("reponses@reseau-exemple.fr", Assert.IsType<MailboxAddress>(Assert.Single(received.ReplyTo)).Address);
        Assert.Equal(["contact@acme-formation.fr", "tete@reseau-exemple.fr"], server.Recipients.Order(StringComparer.Ordinal));
        Assert.Equal("CléA numérique – ACME Formation : refusé", received.Subject);
        Assert.Equal(mail.MessageId, received.MessageId);
        Assert.Contains("Erreurs : 2", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("Corrigez les 2 erreurs listées", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>", received.HtmlBody, StringComparison.Ordinal);
        MimePart[] attachments = [.. received.Attachments.OfType<MimePart>()];
        Assert.Equal(["CleANum-ACME-Rapport-031226.xlsx", "CleANum-ACME-Annote-031226.xlsx"], attachments.Select(a => a.FileName));
        using var content = new MemoryStream();
        await attachments[0].Content!.DecodeToAsync(content);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_root, mail.Attachments[0])), content.ToArray());
    }

    [Fact]
    public async Task Refuses_an_address_that_would_add_a_header_or_a_recipient_and_sends_nothing()
    {
        await using TestSmtpServer server = TestSmtpServer.Start();
        MailKitTransport transport = Transport(Smtp(server.Port));
        await using IMailSession session = await transport.OpenAsync(None);

        foreach (string address in new[] { "contact@acme.fr\r\nBcc: pirate@evil.example", "contact@acme.fr, pirate@evil.example", "Groupe: a@b.fr, c@d.fr;", "pas-une-adresse" })
        {
            var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => session.SendAsync(AMail(transport) with { To = address }, None));
            Assert.False(failure.IsTransient);
        }

        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Keeps_a_subject_with_line_breaks_inside_the_subject_header()
    {
        await using TestSmtpServer server = TestSmtpServer.Start();
        MailKitTransport transport = Transport(Smtp(server.Port));
        string subject = MemberMailComposer.Subject("ACME\r\nBcc: pirate@evil.example", "refusé");

        await using (IMailSession session = await transport.OpenAsync(None))
        {
            await session.SendAsync(AMail(transport) with { Subject = subject }, None);
        }

        MimeMessage received = Assert.Single(server.Messages);
        Assert.Empty(received.Bcc);
        Assert.Equal(["contact@acme-formation.fr", "tete@reseau-exemple.fr"], server.Recipients.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("\n", received.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_5xx_refusal_as_permanent()
    {
        await using TestSmtpServer server = TestSmtpServer.Start();
        server.RejectRecipients = true;
        MailKitTransport transport = Transport(Smtp(server.Port));
        await using IMailSession session = await transport.OpenAsync(None);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => session.SendAsync(AMail(transport), None));

        Assert.False(failure.IsTransient);
        Assert.Contains("550", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Reports_a_dropped_connection_as_transient()
    {
        await using var server = new BrokenSmtpServer(silent: false);
        MailKitTransport transport = Transport(Smtp(server.Port));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.OpenAsync(None));

        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task Reports_a_server_that_never_answers_as_transient_after_the_timeout()
    {
        await using var server = new BrokenSmtpServer(silent: true);
        MailKitTransport transport = Transport(Smtp(server.Port) with { Timeout = TimeSpan.FromMilliseconds(500) });

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.OpenAsync(None));

        Assert.True(failure.IsTransient);
        Assert.Contains("à temps", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_closed_port_as_transient()
    {
        MailKitTransport transport = Transport(Smtp(TestSmtpServer.FreePort()));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.OpenAsync(None));

        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task Refuses_starttls_when_the_server_does_not_offer_it()
    {
        await using TestSmtpServer server = TestSmtpServer.Start();
        MailKitTransport transport = Transport(Smtp(server.Port) with { Security = SmtpSecurity.StartTls });

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.OpenAsync(None));

        Assert.Contains("sécurité", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Writes_an_eml_file_per_message_under_the_day_folder_in_outbox_mode()
    {
        MailKitTransport transport = Transport(null);
        MemberMail mail = AMail(transport) with { Id = 42, Siren = "732829320" };

        string path;
        await using (IMailSession session = await transport.OpenAsync(None))
        {
            path = await session.SendAsync(mail, None);
        }

        Assert.Equal(Path.Combine(_root, "envois"), Path.GetDirectoryName(Path.GetDirectoryName(path)));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Path.GetFileName(Path.GetDirectoryName(path)));
        Assert.Equal("000042-732829320-report.eml", Path.GetFileName(path));
        MimeMessage written = await MimeMessage.LoadAsync(path);
        Assert.Equal("1", written.Headers["X-Unsent"]);
        Assert.Equal(mail.MessageId, written.MessageId);
        Assert.Equal(2, written.Attachments.Count());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Theory]
    [InlineData("smtp.example.fr", SmtpSecurity.None, false)]
    [InlineData("127.0.0.1", SmtpSecurity.None, true)]
    [InlineData("localhost", SmtpSecurity.None, true)]
    [InlineData("smtp.example.fr", SmtpSecurity.StartTls, true)]
    public void Allows_an_unencrypted_connection_only_to_a_loopback_host(string host, SmtpSecurity security, bool valid)
    {
        var options = new MailOptions { Mode = MailMode.Smtp, From = "cleanum@reseau.fr", Smtp = { Host = host, Security = security } };

        bool ok = Validate(options);

        Assert.Equal(valid, ok);
    }

    [Theory]
    [InlineData(MailMode.Outbox, null, false)]
    [InlineData(MailMode.Outbox, "a@b.fr\r\nBcc: c@d.fr", false)]
    [InlineData(MailMode.Off, null, true)]
    [InlineData(MailMode.Outbox, "Réseau Exemple <cleanum@reseau.fr>", true)]
    public void Requires_a_valid_sender_unless_off(MailMode mode, string? from, bool valid)
    {
        Assert.Equal(valid, Validate(new MailOptions { Mode = mode, From = from }));
    }

    private static bool Validate(MailOptions options)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddCleaNumMail();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.Configure<MailOptions>(o =>
        {
            o.Mode = options.Mode;
            o.From = options.From;
            o.Smtp = options.Smtp;
        });
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<MailOptions>>().Value;
            return true;
        }
        catch (OptionsValidationException)
        {
            return false;
        }
    }

    private sealed record SmtpSettings(int Port, SmtpSecurity Security = SmtpSecurity.None, TimeSpan? Timeout = null);

    private static SmtpSettings Smtp(int port) => new(port);

    private MailKitTransport Transport(SmtpSettings? smtp)
    {
        var options = new MailOptions
        {
            Mode = smtp is null ? MailMode.Outbox : MailMode.Smtp,
            From = "Réseau Exemple <cleanum@reseau-exemple.fr>",
            ReplyTo = "reponses@reseau-exemple.fr",
            Cc = "tete@reseau-exemple.fr",
            OutboxPath = Path.Combine(_root, "envois"),
            AttachmentRoot = _root,
            Smtp = new SmtpOptions
            {
                Host = "127.0.0.1",
                Port = smtp?.Port ?? 25,
                Security = smtp?.Security ?? SmtpSecurity.None,
                Timeout = smtp?.Timeout ?? TimeSpan.FromSeconds(5),
            },
        };
        return new MailKitTransport(Options.Create(options), TimeProvider.System, NullLogger<MailKitTransport>.Instance);
    }

    private MemberMail AMail(MailKitTransport transport)
    {
        string folder = Path.Combine(_root, "rapports", "732829320");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "CleANum-ACME-Rapport-031226.xlsx"), [1, 2, 3, 4, 5]);
        File.WriteAllBytes(Path.Combine(folder, "CleANum-ACME-Annote-031226.xlsx"), [6, 7, 8]);
        MailContent content = MemberMailComposer.Report(new ReportMailFacts
        {
            MemberName = "ACME Formation",
            Siren = "732829320",
            FileName = "acme.xlsx",
            ReceivedAtUtc = new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc),
            Status = Core.Domain.SubmissionStatus.Refused,
            HasData = true,
            Issues =
            [
                new Core.Issues.Issue(Core.Issues.Severity.Error, "SIRET_CHECKSUM", "Etablissements", 7, "SIRET", "1", "SIRET invalide", null),
                new Core.Issues.Issue(Core.Issues.Severity.Error, "REQUIRED", "Organisme", 3, "NDA", null, "NDA manquant", null),
            ],
            Deadline = new DateOnly(2026, 12, 31),
            HeadName = "Réseau Exemple",
            AttachmentNames = ["CleANum-ACME-Rapport-031226.xlsx", "CleANum-ACME-Annote-031226.xlsx"],
        });
        return new MemberMail
        {
            Id = 1,
            Key = "report:1",
            Siren = "732829320",
            To = "contact@acme-formation.fr",
            Subject = content.Subject,
            TextBody = content.TextBody,
            HtmlBody = content.HtmlBody,
            Attachments = ["rapports/732829320/CleANum-ACME-Rapport-031226.xlsx", "rapports/732829320/CleANum-ACME-Annote-031226.xlsx"],
            MessageId = transport.NewMessageId(),
        };
    }
}
