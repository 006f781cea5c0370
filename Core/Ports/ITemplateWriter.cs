namespace CleaNum.Core.Ports;

/// <summary>Writes the member workbook template (<c>cleanum template</c>).</summary>
public interface ITemplateWriter
{
    void Write(string path);
}
