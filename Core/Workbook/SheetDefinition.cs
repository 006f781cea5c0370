namespace CleaNum.Core.Workbook;

public sealed record SheetDefinition(
    string Key,
    string Name,
    SheetLayout Layout,
    bool Required,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<FieldDefinition> Fields)
{
    /// <summary>False for an optional sheet that earlier templates did not have: its absence is no issue at all
    /// (instead of the SHEET_MISSING warning of an optional sheet).</summary>
    public bool ReportWhenMissing { get; init; } = true;

    /// <summary>When the sheet is not found by name, how many of its labels a sheet's header must match for it to be
    /// taken by content (null: half the required fields, at least 2).</summary>
    public int? MinContentMatches { get; init; }

    public IEnumerable<string> AcceptedNames => Synonyms.Prepend(Name);

    /// <summary>True when <paramref name="sheetName"/> is one of this sheet's accepted names, compared as labels
    /// (<see cref="LabelText.Normalize"/>: case, accents and punctuation ignored).</summary>
    public bool IsNamed(string? sheetName)
    {
        string normalized = LabelText.Normalize(sheetName);
        return normalized.Length > 0 && NormalizedNames.Contains(normalized);
    }

    /// <summary>Every accepted name through <see cref="LabelText.Normalize"/>, the sheet's own name first, without blanks
    /// or repeats: what a sheet's name is compared with (here and by the reader's sheet location).</summary>
    public IReadOnlyList<string> NormalizedNames => NamesOf.GetValue(this, Normalize);

    /// <summary>The sheet of <paramref name="schema"/> that <paramref name="sheetName"/> names — the one rule for finding a
    /// sheet by any accepted name: a sheet's own name first, then the synonyms; null when none.</summary>
    public static SheetDefinition? Find(IEnumerable<SheetDefinition> schema, string? sheetName)
    {
        ArgumentNullException.ThrowIfNull(schema);
        string normalized = LabelText.Normalize(sheetName);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (schema is IReadOnlyList<SheetDefinition> list)
        {
            return SheetsByName.GetValue(list, IndexByName).GetValueOrDefault(normalized);
        }

        return schema.FirstOrDefault(d => LabelText.Normalize(d.Name) == normalized) ?? schema.FirstOrDefault(d => d.IsNamed(sheetName));
    }

    /// <summary>Position in <see cref="Fields"/> of the first field that <paramref name="normalizedLabel"/> (already
    /// through <see cref="LabelText.Normalize"/>) names by any of its accepted labels; -1 when none.</summary>
    public int FieldIndexOf(string normalizedLabel) =>
        FieldsByLabel.GetValue(this, IndexByLabel).GetValueOrDefault(normalizedLabel, -1);

    public FieldDefinition Field(string key) =>
        FieldsByKey.GetValue(Fields, IndexByKey).GetValueOrDefault(key) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown field");

    /// <summary>Each field list's fields by key (the first of a key wins), built once per list: the rules ask for a
    /// field several times per record. Keyed by the list, not held in the record, so that equality and <c>with</c> are
    /// those of the fields themselves.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<FieldDefinition>, Dictionary<string, FieldDefinition>> FieldsByKey = [];

    private static Dictionary<string, FieldDefinition> IndexByKey(IReadOnlyList<FieldDefinition> fields)
    {
        var byKey = new Dictionary<string, FieldDefinition>(fields.Count, StringComparer.Ordinal);
        foreach (FieldDefinition field in fields)
        {
            byKey.TryAdd(field.Key, field);
        }

        return byKey;
    }

    /// <summary>Normalized names and labels, computed once per definition (or schema) instead of at every lookup: issue
    /// ordering and sheet finding ask for them for every issue of every file. Keyed by reference, outside the record,
    /// so that the records' equality and <c>with</c> stay those of their values.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SheetDefinition, string[]> NamesOf = [];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SheetDefinition, Dictionary<string, int>> FieldsByLabel = [];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<SheetDefinition>, Dictionary<string, SheetDefinition>> SheetsByName = [];

    private static string[] Normalize(SheetDefinition sheet) =>
        [.. sheet.AcceptedNames.Select(LabelText.Normalize).Where(n => n.Length > 0).Distinct()];

    private static Dictionary<string, int> IndexByLabel(SheetDefinition sheet)
    {
        var byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < sheet.Fields.Count; i++)
        {
            foreach (string label in sheet.Fields[i].AcceptedLabels)
            {
                byLabel.TryAdd(LabelText.Normalize(label), i);
            }
        }

        return byLabel;
    }

    /// <summary><see cref="Find"/>'s rule as a table: every sheet's own name first, in schema order, then every accepted
    /// name, in schema order.</summary>
    private static Dictionary<string, SheetDefinition> IndexByName(IReadOnlyList<SheetDefinition> schema)
    {
        var byName = new Dictionary<string, SheetDefinition>(StringComparer.Ordinal);
        foreach (SheetDefinition sheet in schema)
        {
            string own = LabelText.Normalize(sheet.Name);
            if (own.Length > 0)
            {
                byName.TryAdd(own, sheet);
            }
        }

        foreach (SheetDefinition sheet in schema)
        {
            foreach (string name in sheet.NormalizedNames)
            {
                byName.TryAdd(name, sheet);
            }
        }

        return byName;
    }
}
