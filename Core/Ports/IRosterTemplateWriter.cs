namespace CleaNum.Core.Ports;

/// <summary>Writes an empty network file <c>reseau.xlsx</c> for the head to fill in (<c>cleanum template --reseau</c>).</summary>
public interface IRosterTemplateWriter
{
    void Write(string path);
}
