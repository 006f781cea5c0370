using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>Reads the network head's <c>reseau.xlsx</c> (schema <see cref="NetworkWorkbookSchema"/>) as read by Import.</summary>
public interface INetworkRosterParser
{
    NetworkRosterResult Parse(RawWorkbook workbook);
}
