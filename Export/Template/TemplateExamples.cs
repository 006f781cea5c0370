using CleaNum.Core.Workbook;

namespace CleaNum.Export.Template;

/// <summary>The greyed example line (row 2) of each table sheet of the template: one plausible line per sheet. Its
/// first cell starts with <see cref="Marker"/> (the reader skips the line), every other cell with
/// <see cref="CellMarker"/>: a member who types over part of the line never has an example value read as theirs — the
/// reader takes any cell starting with a marker for blank.</summary>
internal static class TemplateExamples
{
    /// <summary>What the first cell of an example line starts with (the reader's <c>IsExampleRow</c> accepts it).</summary>
    public const string Marker = "Exemple : ";

    /// <summary>What the example line's other cells start with.</summary>
    public const string CellMarker = "Ex. : ";

    /// <summary>The example values of one table sheet, by field key (none for a sheet without an example).</summary>
    public static IReadOnlyDictionary<string, string> Of(SheetDefinition sheet) =>
        BySheet.TryGetValue(sheet.Key, out IReadOnlyDictionary<string, string>? values) ? values : new Dictionary<string, string>();

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> BySheet = new(StringComparer.Ordinal)
    {
        [MemberWorkbookSchema.Keys.Etablissements] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MemberWorkbookSchema.Est.Name] = "Site de Lyon",
            [MemberWorkbookSchema.Est.Siret] = "73282932000074",
            [MemberWorkbookSchema.Est.Address] = "12 rue de la République",
            [MemberWorkbookSchema.Est.PostalCode] = "69002",
            [MemberWorkbookSchema.Est.City] = "Lyon",
            [MemberWorkbookSchema.Est.Region] = "Auvergne-Rhône-Alpes",
        },
        [MemberWorkbookSchema.Keys.Intervenants] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MemberWorkbookSchema.Person.LastName] = "DUPONT",
            [MemberWorkbookSchema.Person.FirstName] = "Marie",
            [MemberWorkbookSchema.Person.Role] = "Évaluateur et formateur",
            [MemberWorkbookSchema.Person.Diplomas] = "Master ingénierie de formation (2010)",
            [MemberWorkbookSchema.Person.ProfessionalExperience] = "Formatrice bureautique et numérique depuis 2012",
            [MemberWorkbookSchema.Person.Domains] = "1;2;4",
            [MemberWorkbookSchema.Person.EvaluationExperience] = "Évaluations CléA numérique de demandeurs d'emploi (2023-2025)",
            [MemberWorkbookSchema.Person.Year] = "2025",
            [MemberWorkbookSchema.Person.Siret] = "73282932000074",
            [MemberWorkbookSchema.Person.Status] = "Salarié",
        },
        [MemberWorkbookSchema.Keys.References] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MemberWorkbookSchema.Ref.Year] = "2025",
            [MemberWorkbookSchema.Ref.Client] = "Conseil régional",
            [MemberWorkbookSchema.Ref.Publics] = "Demandeurs d'emploi",
            [MemberWorkbookSchema.Ref.Domains] = "1;2;3;4",
            [MemberWorkbookSchema.Ref.PeopleEvaluated] = "40",
            [MemberWorkbookSchema.Ref.Sectors] = "Tertiaire",
            [MemberWorkbookSchema.Ref.Description] = "Parcours CléA numérique : évaluation préalable, formation, évaluation finale",
            [MemberWorkbookSchema.Ref.ClientContact] = "Jeanne Martin, chargée de mission, 04 72 00 00 00",
            [MemberWorkbookSchema.Ref.Topic] = "Compétences numériques de base",
            [MemberWorkbookSchema.Ref.ServiceDate] = "mars 2025",
        },
        [MemberWorkbookSchema.Keys.Activite] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MemberWorkbookSchema.Act.Year] = "2025",
            [MemberWorkbookSchema.Act.Registered] = "45",
            [MemberWorkbookSchema.Act.PriorEvaluations] = "42",
            [MemberWorkbookSchema.Act.FinalEvaluations] = "38",
            [MemberWorkbookSchema.Act.Certified] = "35",
        },
    };
}
