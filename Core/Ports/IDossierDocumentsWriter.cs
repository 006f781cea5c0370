using CleaNum.Core.Consolidation;

namespace CleaNum.Core.Ports;

/// <summary>Writes the Word attachments of the dossier (annex.md) into a folder, each under a temporary name then renamed:
/// PJ2 <c>CleANum-&lt;TeteDeReseau&gt;-PJ2-&lt;jjmmaa&gt;.docx</c> (the CV sample, one CV per page) and PJ3
/// <c>CleANum-&lt;TeteDeReseau&gt;-PJ3-&lt;jjmmaa&gt;.docx</c> (the form's tables 1.4, 3.2, 4.3 and the mandates), from the same
/// consolidation as PJ1. <paramref name="generatedAt"/> gives the date of the names and the generation date printed.</summary>
public interface IDossierDocumentsWriter
{
    DossierDocuments Write(NetworkConsolidation consolidation, string outputFolder, DateTimeOffset generatedAt);
}

/// <summary>Full paths of the Word attachments written.</summary>
public sealed record DossierDocuments(string CvPath, string TablesPath);
