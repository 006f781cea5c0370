namespace CleaNum.Core.Ports;

/// <summary>Writes <c>CleANum-&lt;Membre&gt;-Rapport-&lt;jjmmaa&gt;.xlsx</c> (and the annotated copy) into a folder.</summary>
public interface IMemberReportWriter
{
    MemberReportFiles Write(MemberReportRequest request, string outputFolder);
}
