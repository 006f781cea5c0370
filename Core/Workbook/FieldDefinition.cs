namespace CleaNum.Core.Workbook;

/// <summary>
/// One column (table sheet) or one label (form sheet) of a workbook. <see cref="Label"/> is the French label written
/// by the template; <see cref="Synonyms"/> are other labels accepted when reading (matched with <see cref="LabelText.Normalize"/>).
/// </summary>
public sealed record FieldDefinition(string Key, string Label, FieldFormat Format, bool Required, IReadOnlyList<string> Synonyms)
{
    /// <summary>Short French hint shown in the template (e.g. "14 chiffres").</summary>
    public string? Hint { get; init; }

    /// <summary>Every label accepted for this field: <see cref="Label"/> first, then the synonyms.</summary>
    public IEnumerable<string> AcceptedLabels => Synonyms.Prepend(Label);
}
