namespace CleaNum.Core.Workbook;

public sealed record SheetDefinition(
    string Key,
    string Name,
    SheetLayout Layout,
    bool Required,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<FieldDefinition> Fields)
{
    public IEnumerable<string> AcceptedNames => Synonyms.Prepend(Name);

    public FieldDefinition Field(string key) =>
        Fields.FirstOrDefault(f => f.Key == key) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown field");
}
