using CleaNum.Core.Consolidation;

namespace CleaNum.Core.Ports;

/// <summary>Writes the network status workbook <c>CleANum-&lt;TeteDeReseau&gt;-Etat-des-membres.xlsx</c>: one row per member,
/// roster members who sent nothing included ("manquant"), with the follow-up of each member (contact address, mandate,
/// report, last e-mail). Temporary name then renamed; a status workbook of an earlier head name in the same folder is
/// removed. Returns the full path.</summary>
public interface IStatusWorkbookWriter
{
    string Write(NetworkConsolidation consolidation, IReadOnlyDictionary<string, MemberFollowUp> followUps, string outputFolder, DateTimeOffset generatedAt);

    string Write(NetworkConsolidation consolidation, string outputFolder, DateTimeOffset generatedAt) =>
        Write(consolidation, new Dictionary<string, MemberFollowUp>(), outputFolder, generatedAt);
}
