using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Mail;

namespace CleaNum.Core.Tests.Mail;

public sealed class MemberMailComposerTests
{
    private static ReportMailFacts Facts(params Issue[] issues) => new()
    {
        MemberName = "ACME <Formation> & Cie",
        Siren = "732829320",
        FileName = "acme.xlsx",
        ReceivedAtUtc = new DateTime(2026, 12, 3, 8, 30, 0, DateTimeKind.Utc),
        Status = issues.Any(i => i.Severity == Severity.Error) ? SubmissionStatus.Refused : SubmissionStatus.Accepted,
        HasData = true,
        Issues = issues,
        Deadline = new DateOnly(2026, 12, 31),
        HeadName = "Réseau Exemple",
        AttachmentNames = ["CleANum-ACME-Rapport-031226.xlsx"],
    };

    private static Issue Error(int row) => new(Severity.Error, "SIRET_CHECKSUM", "Etablissements", row, "SIRET", "1", $"SIRET invalide ligne {row}", "Vérifiez le SIRET");

    [Fact]
    public void Does_name_the_state_counts_first_issues_and_deadline()
    {
        MailContent mail = MemberMailComposer.Report(Facts([.. Enumerable.Range(2, 7).Select(Error)]));

        Assert.Equal("CléA numérique – ACME <Formation> & Cie : refusé", mail.Subject);
        Assert.Contains("Erreurs : 7", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("SIRET invalide ligne 6", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("SIRET invalide ligne 7", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("et 2 autres anomalies", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("31/12/2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("03/12/2026 à 09:30", mail.TextBody, StringComparison.Ordinal); // Paris time
    }

    [Fact]
    public void Does_encode_what_the_member_typed_in_the_html_body()
    {
        MailContent mail = MemberMailComposer.Report(Facts());

        Assert.Contains("ACME &lt;Formation&gt; &amp; Cie", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<Formation>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Vous n'avez rien à faire", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_keep_the_subject_on_one_line_whatever_the_name()
    {
        string subject = MemberMailComposer.Subject("ACME\r\nBcc: pirate@evil.example\u0000", "accepté");

        Assert.DoesNotContain('\r', subject);
        Assert.DoesNotContain('\n', subject);
        Assert.DoesNotContain('\0', subject);
    }

    [Fact]
    public void Does_say_still_refused_for_a_duplicate_of_a_refused_file()
    {
        MailContent mail = MemberMailComposer.Report(Facts(Error(2)) with
        {
            Kind = MailKind.Duplicate,
            FirstReportAtUtc = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc),
            FirstReportName = "CleANum-ACME-Rapport-021126.xlsx",
        });

        Assert.EndsWith(": toujours refusé", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("voir le rapport du 02/11/2026", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("rien à faire", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_give_the_same_verdict_for_a_roster_finding_found_at_ingestion_or_at_consolidation()
    {
        Issue atIngestion = IssueCatalog.Create(IssueCodes.MandateMissing, "a", sheet: "Organisme", row: 4, column: "SIREN");
        Issue atConsolidation = IssueCatalog.Create(IssueCodes.MandateMissing, "b", sheet: "Organisme", column: "SIREN");

        Assert.Equal(Verdicts.Of([Error(3), atIngestion]), Verdicts.Of([atConsolidation, Error(3)]));
        Assert.NotEqual(Verdicts.Of([Error(3)]), Verdicts.Of([Error(3), atConsolidation]));
    }
}
