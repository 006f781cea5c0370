namespace CleaNum.Core.Workbook;

public enum SheetLayout
{
    /// <summary>Label in one column, value in the next (sheet <c>Organisme</c>, <c>Tete de reseau</c>).</summary>
    Form = 0,

    /// <summary>One header row then one record per row.</summary>
    Table = 1,
}
