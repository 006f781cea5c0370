using CleaNum.Core.Consolidation;

namespace CleaNum.Core.Ports;

/// <summary>Writes the network status workbook <c>CleANum-&lt;TeteDeReseau&gt;-Etat-des-membres.xlsx</c>: one row per member,
/// roster members who sent nothing included ("manquant"). Temporary name then renamed; returns the full path.</summary>
public interface IStatusWorkbookWriter
{
    string Write(NetworkConsolidation consolidation, string outputFolder, DateTimeOffset generatedAt);
}
