using CleaNum.Core;
using System.Globalization;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Export.Annex;
using CleaNum.Export.Spreadsheet;
using Microsoft.Extensions.Logging;

namespace CleaNum.Export.Status;

/// <summary>
/// The network status workbook (annexe/CleANum-&lt;TeteDeReseau&gt;-Etat-des-membres.xlsx): one sheet <c>Etat des membres</c>
/// with one row per member, roster members who sent nothing included — SIREN, name, state (coloured: green valide,
/// orange avec avertissements / manquant, red en erreur), contact address, mandate and its date, last file, version,
/// received at (Paris time), counts, report, last e-mail and its result, and what the annex does with the member.
/// </summary>
internal sealed class StatusWorkbookWriter(ILogger<StatusWorkbookWriter> logger) : IStatusWorkbookWriter
{
    public const string SheetName = "Etat des membres";

    private const string StatusSuffix = "-Etat-des-membres.xlsx";

    public string Write(NetworkConsolidation consolidation, string outputFolder, DateTimeOffset generatedAt) =>
        Write(consolidation, new Dictionary<string, MemberFollowUp>(), outputFolder, generatedAt);

    public string Write(NetworkConsolidation consolidation, IReadOnlyDictionary<string, MemberFollowUp> followUps, string outputFolder, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(consolidation);
        ArgumentNullException.ThrowIfNull(followUps);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        string path = Path.Combine(outputFolder, AnnexFileNames.Status(consolidation.HeadName));
        SpreadsheetWriter.WriteAtomically(path, [Sheet(consolidation, followUps)]);
        RemoveEarlierNames(path);
        logger.StatusWorkbookWritten(path, consolidation.Members.Count);
        return path;
    }

    /// <summary>The head's name changed (a roster arrived): the status file of the old name would look current.</summary>
    private static void RemoveEarlierNames(string path)
    {
        string folder = Path.GetDirectoryName(path)!;
        foreach (string stale in Directory.EnumerateFiles(folder, "CleANum-*" + StatusSuffix))
        {
            if (!string.Equals(Path.GetFullPath(stale), Path.GetFullPath(path), StringComparison.Ordinal))
            {
                File.Delete(stale);
            }
        }
    }

    internal static SheetSpec Sheet(NetworkConsolidation c, IReadOnlyDictionary<string, MemberFollowUp> followUps) => new(
        SheetName,
        [
            new("SIREN", 12), new("Organisme", 40), new("État", 20), new("Courriel du contact", 32),
            new("Mandat reçu", 12), new("Date du mandat", 14), new("Dernier fichier", 36), new("Version", 9),
            new("Reçu le", 17), new("Erreurs", 9), new("Avertissements", 15), new("Établissements", 15),
            new("Intervenants", 13), new("Dans l'annexe", 14), new("Rapport", 60), new("Dernier courriel", 17),
            new("Résultat du courriel", 50), new("Remarque", 70),
        ],
        Rows(c, followUps));

    private static IEnumerable<XCell[]> Rows(NetworkConsolidation c, IReadOnlyDictionary<string, MemberFollowUp> followUps)
    {
        foreach (ConsolidatedMember m in c.Members)
        {
            MemberStatus? last = m.Latest;
            MemberFollowUp followUp = followUps.TryGetValue(m.Siren, out MemberFollowUp? known) ? known : MemberFollowUp.None;
            MemberMail? mail = followUp.LastMail;
            yield return
            [
                XCell.Id(m.Siren),
                XCell.Str(m.Name),
                XCell.Str(MemberStates.Label(m.State), StateStyle(m.State)),
                XCell.Str(followUp.ContactEmail),
                XCell.Str(m.RosterEntry?.MandateReceived switch { true => "oui", false => "non", null => null }),
                XCell.Str(m.RosterEntry?.MandateDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
                XCell.Str(last?.FileName),
                last is null ? XCell.Str(null) : XCell.Num(last.Version),
                XCell.Str(last is null ? null : Minute(last.ReceivedAtUtc)),
                XCell.Num(m.ErrorCount, m.ErrorCount > 0 ? CellStyle.ErrorNumber : CellStyle.Integer),
                XCell.Num(m.WarningCount, m.WarningCount > 0 ? CellStyle.WarningNumber : CellStyle.Integer),
                XCell.Num(last?.EstablishmentCount ?? 0),
                XCell.Num(last?.IntervenantCount ?? 0),
                XCell.Str(m.Included ? "oui" : "non"),
                XCell.Str(followUp.ReportPath),
                XCell.Str(mail is null ? null : Minute(mail.SentAtUtc ?? mail.CreatedAtUtc)),
                mail is null ? XCell.Str(null) : XCell.Str(MailResult(mail), MailStyle(mail.State)),
                XCell.Str(Remark(m)),
            ];
        }
    }

    private static string MailResult(MemberMail mail) =>
        $"{(mail.Kind == MailKind.Reminder ? "relance" : "rapport")} à {mail.To} : {MailStates.Describe(mail)}";

    private static CellStyle StateStyle(MemberState state) => state switch
    {
        MemberState.Valid => CellStyle.OkText,
        MemberState.WithWarnings or MemberState.Missing => CellStyle.WarningText,
        _ => CellStyle.ErrorText,
    };

    private static CellStyle MailStyle(MailState state) => state switch
    {
        MailState.Sent => CellStyle.OkText,
        MailState.Failed or MailState.Interrupted => CellStyle.ErrorText,
        _ => CellStyle.WarningText,
    };

    private static string Minute(DateTime utc) =>
        ParisTime.ToParis(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Remark(ConsolidatedMember m) => m.State switch
    {
        MemberState.Missing => "Aucun fichier reçu : relancer le membre.",
        _ when m.UsesOlderVersion => $"Dernier fichier refusé : l'annexe reprend la version {m.Current!.Version} ; le membre doit envoyer un fichier corrigé.",
        _ when !m.Included => $"Écarté de l'annexe : {m.ExclusionReason}.",
        MemberState.WithWarnings => "Retenu ; avertissements à vérifier.",
        _ => "Retenu.",
    };
}
