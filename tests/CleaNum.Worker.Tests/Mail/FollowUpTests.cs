using System.Text.Json;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Worker.Cli;
using CleaNum.Worker.Consolidation;
using CleaNum.Worker.Ingest;
using CleaNum.Worker.Mail;
using CleaNum.Worker.Tests.Ingest;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace CleaNum.Worker.Tests.Mail;

/// <summary>Reminders (<c>relancer</c>) and reports kept true when the roster changes: real pipeline, real SQLite, real
/// files, messages written as .eml (Outbox) and parsed back.</summary>
public sealed class FollowUpTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly Dictionary<string, string?> Outbox = new()
    {
        ["Mail:Mode"] = "Outbox",
        ["Mail:From"] = "Réseau Exemple <cleanum@reseau-exemple.fr>",
    };

    [Fact]
    public async Task Lists_exactly_the_silent_and_refused_members_in_a_dry_run()
    {
        await using IngestFixture fixture = await IngestFixture.CreateAsync();
        IngestOutcome accepted = await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));
        IngestOutcome refused = await fixture.IngestAsync(fixture.Drop("erreurs-typiques-formanord.xlsx"));
        IReadOnlyList<string> roster = RosterEdits.Sirens(fixture.Data.RosterPath);
        fixture.Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        using var output = new StringWriter();
        int exit = await CleaNumCommandLine.RunAsync(["relancer", "--dry-run", "--json", "--data", fixture.Root], output, TextWriter.Null);

        Assert.Equal(ExitCodes.Ok, exit);
        using JsonDocument json = JsonDocument.Parse(output.ToString());
        var listed = json.RootElement.GetProperty("reminders").EnumerateArray()
            .ToDictionary(r => r.GetProperty("siren").GetString()!, r => r.GetProperty("reason").GetString());
        Assert.Equal(roster.Where(s => s != accepted.Siren).Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("refused", listed[refused.Siren!]);
        Assert.All(listed.Where(p => p.Key != refused.Siren), p => Assert.Equal("nothing_received", p.Value));
        Assert.Empty(IngestFixture.FilesUnder(Path.Combine(fixture.Root, "envois")));
    }

    [Fact]
    public async Task Reminds_each_member_once_at_the_roster_address_then_not_again_before_min_days()
    {
        await using IngestFixture fixture = await IngestFixture.CreateAsync(settings: Outbox);
        RosterEdits.AddEmails(fixture.Data.RosterPath, siren => $"contact-{siren}@membres.example");
        await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));
        IngestOutcome refused = await fixture.IngestAsync(fixture.Drop("erreurs-typiques-formanord.xlsx"));
        await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None); // the reports themselves
        var reminders = fixture.Host.Services.GetRequiredService<ReminderService>();

        IReadOnlyList<ReminderCandidate> first = await reminders.RunAsync(dryRun: false, None);
        MailDeliveryReport sent = await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);
        IReadOnlyList<ReminderCandidate> second = await reminders.RunAsync(dryRun: false, None);

        Assert.All(first, c => Assert.Equal(ReminderOutcome.Queued, c.Outcome));
        Assert.Equal(first.Count, sent.Sent);
        Assert.All(second, c => Assert.Equal(ReminderOutcome.RecentlyReminded, c.Outcome));
        Assert.Equal(0, (await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None)).Sent);
        MimeMessage[] messages = [.. sent.Locations.Select(l => MimeMessage.Load(l))];
        MimeMessage toRefused = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == $"contact-{refused.Siren}@membres.example");
        Assert.Contains("toujours refusé", toRefused.Subject, StringComparison.Ordinal);
        Assert.Contains(toRefused.Attachments.OfType<MimePart>(), a => a.FileName == Path.GetFileName(refused.Report));
        Assert.All(messages.Where(m => m != toRefused), m => Assert.Contains("dossier attendu", m.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reissues_and_resends_a_report_once_when_the_roster_withdraws_a_mandate()
    {
        await using IngestFixture fixture = await IngestFixture.CreateAsync(settings: Outbox);
        IngestOutcome acme = await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));
        await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);
        var consolidation = fixture.Host.Services.GetRequiredService<ConsolidationService>();
        await consolidation.WriteStatusAsync(None);
        Assert.True((await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None)).IsEmpty); // nothing changed

        RosterEdits.SetMandate(fixture.Data.RosterPath, acme.Siren!, received: false);
        var (network, followUp, _) = await consolidation.WriteStatusAsync(None);
        MailDeliveryReport resent = await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);
        await consolidation.WriteStatusAsync(None);

        MimeMessage message = MimeMessage.Load(Assert.Single(resent.Locations));
        Assert.Equal("CléA numérique – ACME Formation : refusé", message.Subject);
        Assert.Contains("la liste des membres", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("mandat", message.TextBody, StringComparison.OrdinalIgnoreCase);
        int statusErrors = network.Members.Single(m => m.Siren == acme.Siren).ErrorCount;
        string report = Path.Combine(fixture.Root, followUp[acme.Siren!].ReportPath!);
        using (var workbook = new XLWorkbook(report))
        {
            Assert.Contains(workbook.Worksheet("Anomalies").CellsUsed(), c => c.GetString() == "MANDATE_MISSING");
            Assert.Equal(statusErrors, workbook.Worksheet("Anomalies").CellsUsed().Count(c => c.GetString() == "Erreur"));
        }

        Assert.True((await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None)).IsEmpty); // once per verdict
        MemberMail last = (await fixture.Host.Services.GetRequiredService<IMailStore>().GetLatestPerMemberAsync(null, None))[acme.Siren!];
        Assert.Equal((MailKind.Reissue, MailState.Sent), (last.Kind, last.State));
    }

    [Fact]
    public async Task Reissues_a_report_once_when_the_network_size_turns_a_missing_cv_into_an_error()
    {
        await using IngestFixture fixture = await IngestFixture.CreateAsync(settings: Outbox);
        IReadOnlyList<string> members = RosterEdits.Sirens(fixture.Data.RosterPath);
        RosterEdits.AddMembers(fixture.Data.RosterPath, 60); // 67 members: a missing CV is a warning
        string noTrainer = fixture.Drop("acme-formation-idf.xlsx", "acme-sans-formateur.xlsx");
        WithoutTrainerCv(noTrainer);
        IngestOutcome acme = await fixture.IngestAsync(noTrainer);
        Assert.Contains(acme.Issues, i => i.Code == IssueCodes.CvTrainerMissing && i.Severity == Severity.Warning);
        Assert.NotEqual(SubmissionStatus.Refused, acme.Status);
        await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);
        var consolidation = fixture.Host.Services.GetRequiredService<ConsolidationService>();
        await consolidation.WriteStatusAsync(None);
        Assert.True((await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None)).IsEmpty); // same size, same verdict

        RosterEdits.KeepOnly(fixture.Data.RosterPath, [.. members]); // back to 7: a missing CV is an error
        var (network, followUp, _) = await consolidation.WriteStatusAsync(None);
        MailDeliveryReport resent = await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);
        await consolidation.WriteStatusAsync(None);

        MimeMessage message = MimeMessage.Load(Assert.Single(resent.Locations));
        Assert.Equal("CléA numérique – ACME Formation : refusé", message.Subject);
        ConsolidatedMember member = network.Members.Single(m => m.Siren == acme.Siren);
        Assert.Contains(member.Issues, i => i.Code == IssueCodes.CvTrainerMissing && i.Severity == Severity.Error);
        using (var workbook = new XLWorkbook(Path.Combine(fixture.Root, followUp[acme.Siren!].ReportPath!)))
        {
            IXLRow row = workbook.Worksheet("Anomalies").RowsUsed().Single(r => r.CellsUsed().Any(c => c.GetString() == IssueCodes.CvTrainerMissing));
            Assert.Contains(row.CellsUsed(), c => c.GetString() == "Erreur");
            Assert.Equal(member.ErrorCount, workbook.Worksheet("Anomalies").CellsUsed().Count(c => c.GetString() == "Erreur"));
        }

        Assert.True((await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None)).IsEmpty); // once per verdict
    }

    /// <summary>The member's file without any trainer: « Formateur » rows removed, « Évaluateur et formateur » made
    /// « Évaluateur » (the evaluator CVs and the declared counts stay as they were).</summary>
    internal static void WithoutTrainerCv(string path)
    {
        using (var workbook = new XLWorkbook(path))
        {
            IXLWorksheet sheet = workbook.Worksheet("Intervenants");
            IXLCell roleHeader = sheet.CellsUsed().First(c => c.GetString().Trim().TrimEnd('*', ' ') == "Rôle");
            int column = roleHeader.Address.ColumnNumber;
            foreach (IXLRow row in sheet.RowsUsed().Where(r => r.RowNumber() > roleHeader.Address.RowNumber).Reverse().ToList())
            {
                string role = row.Cell(column).GetString().Trim();
                if (role.StartsWith("Format", StringComparison.OrdinalIgnoreCase))
                {
                    row.Delete();
                }
                else if (role.Contains("formateur", StringComparison.OrdinalIgnoreCase))
                {
                    row.Cell(column).Value = "Évaluateur";
                }
            }

            workbook.Save();
        }
    }

    [Fact]
    public async Task Shows_contact_mandate_report_and_last_message_in_the_status_workbook_and_removes_an_older_name()
    {
        await using IngestFixture fixture = await IngestFixture.CreateAsync(withRoster: false, settings: Outbox);
        IngestOutcome acme = await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));
        await Commands.SendMailAsync(fixture.Host, TextWriter.Null, None);
        var consolidation = fixture.Host.Services.GetRequiredService<ConsolidationService>();
        (_, _, string before) = await consolidation.WriteStatusAsync(None);

        File.Copy(IngestFixture.Sample("reseau.xlsx"), fixture.Data.RosterPath);
        (_, _, string after) = await consolidation.WriteStatusAsync(None);

        Assert.NotEqual(before, after);
        Assert.False(File.Exists(Path.Combine(fixture.Root, before)));
        using var workbook = new XLWorkbook(Path.Combine(fixture.Root, after));
        IXLWorksheet sheet = workbook.Worksheet("Etat des membres");
        string[] headers = [.. sheet.Row(1).CellsUsed().Select(c => c.GetString())];
        Assert.DoesNotContain(headers, h => h.StartsWith("État au", StringComparison.Ordinal));
        Assert.Contains("Courriel du contact", headers);
        IXLRow row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == acme.Siren);
        string Cell(string header) => row.Cell(Array.IndexOf(headers, header) + 1).GetString();
        Assert.Contains("@", Cell("Courriel du contact"), StringComparison.Ordinal);
        Assert.Equal("oui", Cell("Mandat reçu"));
        Assert.Equal("1", Cell("Version"));
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", Cell("Reçu le"));
        Assert.Equal(acme.Report, Cell("Rapport"));
        Assert.Contains("envoyé", Cell("Résultat du courriel"), StringComparison.Ordinal);
        Assert.NotEqual(XLColor.NoColor, row.Cell(Array.IndexOf(headers, "État") + 1).Style.Fill.BackgroundColor);
    }
}
