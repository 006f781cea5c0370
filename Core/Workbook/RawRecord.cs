namespace CleaNum.Core.Workbook;

/// <summary>
/// One record of a sheet: for a table sheet, one data row; for a form sheet, the single record whose cells are the
/// value cells next to each label (each cell keeps its own row). Keys are <see cref="FieldDefinition.Key"/>.
/// </summary>
public sealed record RawRecord(int Row, IReadOnlyDictionary<string, Cell> Cells)
{
    public Cell? Get(string key) => Cells.TryGetValue(key, out Cell? cell) ? cell : null;
}
