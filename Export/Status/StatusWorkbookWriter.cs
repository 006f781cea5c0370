using CleaNum.Core;
using System.Globalization;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Ports;
using CleaNum.Export.Annex;
using Microsoft.Extensions.Logging;

namespace CleaNum.Export.Status;

/// <summary>
/// The network status workbook (annexe/CleANum-&lt;TeteDeReseau&gt;-Etat-des-membres.xlsx): one sheet <c>Etat des membres</c>
/// with one row per member, roster members who sent nothing included — SIREN, name, last file, received at (Paris time),
/// state (valide / avec avertissements / en erreur / manquant), counts, and what the annex does with the member.
/// </summary>
internal sealed class StatusWorkbookWriter(ILogger<StatusWorkbookWriter> logger) : IStatusWorkbookWriter
{
    public const string SheetName = "Etat des membres";

    public string Write(NetworkConsolidation consolidation, string outputFolder, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(consolidation);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        string path = Path.Combine(outputFolder, AnnexFileNames.Status(consolidation.HeadName));
        SpreadsheetWriter.WriteAtomically(path, [Sheet(consolidation, generatedAt)]);
        logger.StatusWorkbookWritten(path, consolidation.Members.Count);
        return path;
    }

    internal static SheetSpec Sheet(NetworkConsolidation c, DateTimeOffset generatedAt) => new(
        SheetName,
        [
            new("SIREN", 12), new("Organisme", 40), new("Dernier fichier", 36), new("Version", 9), new("Reçu le", 18),
            new("État", 20), new("Erreurs", 9), new("Avertissements", 15), new("Établissements", 15), new("Intervenants", 13),
            new("Dans l'annexe", 14), new("Remarque", 70),
            new($"État au {FrenchText.DateTimeText(ParisTime.ToParis(generatedAt))}", 26),
        ],
        Rows(c));

    private static IEnumerable<XCell[]> Rows(NetworkConsolidation c)
    {
        foreach (ConsolidatedMember m in c.Members)
        {
            MemberStatus? last = m.Latest;
            yield return
            [
                XCell.Id(m.Siren),
                XCell.Str(m.Name),
                XCell.Str(last?.FileName),
                last is null ? XCell.Str(null) : XCell.Num(last.Version),
                XCell.Str(last is null ? null : ParisTime.ToParis(last.ReceivedAtUtc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)),
                XCell.Str(MemberStates.Label(m.State)),
                XCell.Num(m.ErrorCount),
                XCell.Num(m.WarningCount),
                XCell.Num(last?.EstablishmentCount ?? 0),
                XCell.Num(last?.IntervenantCount ?? 0),
                XCell.Str(m.Included ? "oui" : "non"),
                XCell.Str(Remark(m)),
            ];
        }
    }

    private static string Remark(ConsolidatedMember m) => m.State switch
    {
        MemberState.Missing => "Aucun fichier reçu : relancer le membre.",
        _ when m.UsesOlderVersion => $"Dernier fichier refusé : l'annexe reprend la version {m.Current!.Version} ; le membre doit envoyer un fichier corrigé.",
        _ when !m.Included => $"Écarté de l'annexe : {m.ExclusionReason}.",
        MemberState.WithWarnings => "Retenu ; avertissements à vérifier.",
        _ => "Retenu.",
    };
}
