using CleaNum.Core.Consolidation;

namespace CleaNum.Core.Ports;

/// <summary>Writes the consolidated annex <c>CleANum-&lt;TeteDeReseau&gt;-PJ1-&lt;jjmmaa&gt;.xlsx</c> (annex.md) into a folder,
/// under a temporary name then renamed; returns the full path. <paramref name="generatedAt"/> gives the date of the name
/// and the generation date shown in Synthese (nothing else in the file depends on the clock).</summary>
public interface IAnnexWriter
{
    string Write(NetworkConsolidation consolidation, string outputFolder, DateTimeOffset generatedAt);
}
