using CleaNum.Core.Issues;
using CleaNum.Core.Validation;
using CleaNum.Core.Workbook;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;
using Act = CleaNum.Core.Workbook.MemberWorkbookSchema.Act;
using Keys = CleaNum.Core.Workbook.MemberWorkbookSchema.Keys;
using Org = CleaNum.Core.Workbook.MemberWorkbookSchema.Org;
using Person = CleaNum.Core.Workbook.MemberWorkbookSchema.Person;
using Ref = CleaNum.Core.Workbook.MemberWorkbookSchema.Ref;

namespace CleaNum.Core.Tests.Builders;

/// <summary>
/// A member workbook as the reader would hand it over, built in memory. <see cref="Valid"/> is a realistic, fully valid
/// workbook (Lyon training organisation, SIREN 732 829 320); change single cells with the <c>With…</c> methods.
/// Layout: <c>Organisme</c> has a title in row 1, labels in column A from row <see cref="OrganisationFirstRow"/> in
/// schema order, values in column B; table sheets have a title in row 1, headers in row <see cref="HeaderRow"/> in
/// schema order from column A, data from row <see cref="FirstDataRow"/>.
/// </summary>
internal sealed class ARawWorkbook
{
    public const int OrganisationFirstRow = 3;
    public const int HeaderRow = 2;
    public const int FirstDataRow = 3;

    private readonly Dictionary<string, object?> _organisation;
    private readonly Dictionary<string, List<Dictionary<string, object?>>> _tables;
    private readonly HashSet<string> _missingSheets = [];
    private readonly Dictionary<string, HashSet<string>> _missingFields = [];
    private readonly List<Issue> _readerIssues = [];

    private ARawWorkbook(Dictionary<string, object?> organisation, Dictionary<string, List<Dictionary<string, object?>>> tables)
    {
        _organisation = organisation;
        _tables = tables;
    }

    public static ValidationSettings Settings() => new()
    {
        CampaignYear = 2026,
        SubmissionDeadline = new DateOnly(2026, 3, 31),
        NetworkMemberCount = 12,
    };

    public static ARawWorkbook Valid() => new(
        new Dictionary<string, object?>
        {
            [Org.Name] = "Formations Numériques du Rhône",
            [Org.Siren] = "732 829 320",
            [Org.MainActivity] = "Formation continue d'adultes",
            [Org.Naf] = "85.59A",
            [Org.Nda] = "84691234569",
            [Org.Address] = "12 rue de la République",
            [Org.PostalCode] = "69003",
            [Org.City] = "Lyon",
            [Org.Region] = "Auvergne-Rhône-Alpes",
            [Org.Website] = "https://www.fnr-formation.fr",
            [Org.CreationDate] = new DateTime(2004, 3, 15),
            [Org.EmployeeCount] = 12d,
            [Org.ContactName] = "Claire Martin",
            [Org.ContactEmail] = "claire.martin@fnr-formation.fr",
            [Org.ContactPhone] = "04 78 12 34 56",
            [Org.BillingName] = null,
            [Org.BillingEmail] = null,
            [Org.BillingPhone] = null,
            [Org.Qualiopi] = "Oui",
            [Org.QualiopiCertificate] = "QUA-2023-04512",
            [Org.QualiopiCertifier] = "AFNOR Certification",
            [Org.QualiopiExpiry] = new DateTime(2027, 6, 30),
            [Org.FirstRequest] = "Oui",
            [Org.AlreadyHabilitated] = "Non",
            [Org.HabilitationPeriod] = null,
            [Org.CleaHabilitated] = "Oui",
            [Org.CleaPeriod] = "2019-2025",
            [Org.CleaManagementHabilitated] = "Non",
            [Org.CleaManagementPeriod] = null,
            [Org.EvaluatorCount] = 2d,
            [Org.TrainerCount] = 3d,
            [Org.References] = "Évaluations CléA numérique pour France Travail Rhône depuis 2022",
            [Org.Specificities] = "Plateau technique mobile, interventions en zone rurale",
        },
        new Dictionary<string, List<Dictionary<string, object?>>>
        {
            [Keys.Etablissements] =
            [
                new()
                {
                    [Est.Name] = "Formations Numériques du Rhône — siège", [Est.Siret] = "73282932000074",
                    [Est.Address] = "12 rue de la République", [Est.PostalCode] = "69003", [Est.City] = "Lyon",
                    [Est.Region] = "Auvergne-Rhône-Alpes",
                },
                new()
                {
                    [Est.Name] = "Antenne de Bourg-en-Bresse", [Est.Siret] = "732 829 320 00066",
                    [Est.Address] = "4 avenue Alsace-Lorraine", [Est.PostalCode] = "01000", [Est.City] = "Bourg-en-Bresse",
                    [Est.Region] = "Auvergne-Rhône-Alpes",
                },
            ],
            [Keys.Intervenants] =
            [
                new()
                {
                    [Person.LastName] = "Durand", [Person.FirstName] = "Sophie", [Person.Role] = "Évaluateur et formateur",
                    [Person.Diplomas] = "Master ingénierie de la formation", [Person.ProfessionalExperience] = "12 ans de formation d'adultes",
                    [Person.Domains] = "1;2;3;4", [Person.EvaluationExperience] = "Domaines 1 à 4 – France Travail – demandeurs d'emploi – 45 – évaluations CléA – 2024",
                    [Person.Year] = 2024d, [Person.Siret] = "73282932000074", [Person.Status] = "Salariée",
                },
                new()
                {
                    [Person.LastName] = "Petit", [Person.FirstName] = "Marc", [Person.Role] = "Formateur",
                    [Person.Diplomas] = "Titre professionnel FPA", [Person.ProfessionalExperience] = "Formateur bureautique depuis 2015",
                    [Person.Domains] = "2, 3", [Person.EvaluationExperience] = null,
                    [Person.Year] = 2023d, [Person.Siret] = null, [Person.Status] = "Indépendant",
                },
            ],
            [Keys.References] =
            [
                new()
                {
                    [Ref.Year] = 2024d, [Ref.Client] = "France Travail Rhône", [Ref.Publics] = "Demandeurs d'emploi",
                    [Ref.Domains] = "1;2", [Ref.PeopleEvaluated] = 45d, [Ref.Sectors] = "tertiaire",
                    [Ref.Description] = "Évaluations préalables et finales CléA numérique",
                    [Ref.ClientContact] = "Paul Roche, chargé de mission, 04 72 00 00 00", [Ref.Topic] = "Évaluations CléA numérique",
                    [Ref.ServiceDate] = "03/2024",
                },
            ],
            [Keys.Activite] =
            [
                new()
                {
                    [Act.Year] = 2024d, [Act.Registered] = 52d, [Act.PriorEvaluations] = 50d, [Act.FinalEvaluations] = 44d,
                    [Act.Certified] = 41d,
                },
            ],
        });

    /// <summary>Excel row of a field of the <c>Organisme</c> form.</summary>
    public static int OrganisationRow(string key) => OrganisationFirstRow + IndexOf(MemberWorkbookSchema.Organisme, key);

    /// <summary>Excel row of the <paramref name="index"/>-th data row of a table sheet.</summary>
    public static int DataRow(int index) => FirstDataRow + index;

    public static string Label(string sheetKey, string fieldKey) => Definition(sheetKey).Field(fieldKey).Label;

    public ARawWorkbook WithOrganisation(string key, object? value)
    {
        _ = MemberWorkbookSchema.Organisme.Field(key);
        _organisation[key] = value;
        return this;
    }

    public ARawWorkbook WithEstablishment(int index, string key, object? value) => WithRow(Keys.Etablissements, index, key, value);

    public ARawWorkbook WithIntervenant(int index, string key, object? value) => WithRow(Keys.Intervenants, index, key, value);

    public ARawWorkbook WithReference(int index, string key, object? value) => WithRow(Keys.References, index, key, value);

    public ARawWorkbook WithActivity(int index, string key, object? value) => WithRow(Keys.Activite, index, key, value);

    public ARawWorkbook WithRow(string sheetKey, int index, string key, object? value)
    {
        _ = Definition(sheetKey).Field(key);
        _tables[sheetKey][index][key] = value;
        return this;
    }

    /// <summary>Appends a copy of row <paramref name="index"/>.</summary>
    public ARawWorkbook WithCopyOfRow(string sheetKey, int index)
    {
        _tables[sheetKey].Add(new Dictionary<string, object?>(_tables[sheetKey][index]));
        return this;
    }

    public ARawWorkbook WithoutRows(string sheetKey)
    {
        _tables[sheetKey].Clear();
        return this;
    }

    public ARawWorkbook WithoutSheet(string sheetKey)
    {
        _missingSheets.Add(sheetKey);
        return this;
    }

    /// <summary>The label or column was not found by the reader (the reader reports COLUMN_MISSING itself).</summary>
    public ARawWorkbook WithoutField(string sheetKey, string fieldKey)
    {
        if (!_missingFields.TryGetValue(sheetKey, out HashSet<string>? fields))
        {
            _missingFields[sheetKey] = fields = [];
        }

        fields.Add(fieldKey);
        return this;
    }

    public ARawWorkbook WithReaderIssue(Issue issue)
    {
        _readerIssues.Add(issue);
        return this;
    }

    public RawWorkbook Build()
    {
        var sheets = new List<RawSheet>();
        foreach (SheetDefinition definition in MemberWorkbookSchema.Sheets)
        {
            if (_missingSheets.Contains(definition.Key))
            {
                continue;
            }

            sheets.Add(definition.Layout == SheetLayout.Form ? BuildForm(definition) : BuildTable(definition));
        }

        return new RawWorkbook("membre.xlsx", sheets, [.. _readerIssues]);
    }

    public OrganisationRecord OrganisationRecord(ValidationSettings? settings = null)
    {
        RawSheet sheet = Build().Sheet(Keys.Organisme)!;
        return new OrganisationRecord(sheet, sheet.Records[0], settings ?? Settings());
    }

    public EstablishmentRecord EstablishmentRecord(int index, string? memberSiren = "732829320")
    {
        RawSheet sheet = Build().Sheet(Keys.Etablissements)!;
        return new EstablishmentRecord(sheet, sheet.Records[index], memberSiren);
    }

    public IntervenantRecord IntervenantRecord(int index, ValidationSettings? settings = null, string? memberSiren = "732829320")
    {
        RawSheet sheet = Build().Sheet(Keys.Intervenants)!;
        return new IntervenantRecord(sheet, sheet.Records[index], settings ?? Settings()) { MemberSiren = memberSiren };
    }

    public ReferenceRecord ReferenceRecord(int index, ValidationSettings? settings = null)
    {
        RawSheet sheet = Build().Sheet(Keys.References)!;
        return new ReferenceRecord(sheet, sheet.Records[index], settings ?? Settings());
    }

    private static SheetDefinition Definition(string sheetKey) =>
        MemberWorkbookSchema.Sheets.Single(s => s.Key == sheetKey);

    private static int IndexOf(SheetDefinition definition, string key)
    {
        for (int i = 0; i < definition.Fields.Count; i++)
        {
            if (definition.Fields[i].Key == key)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown field");
    }

    private bool IsMissing(SheetDefinition definition, string key) =>
        _missingFields.TryGetValue(definition.Key, out HashSet<string>? fields) && fields.Contains(key);

    private RawSheet BuildForm(SheetDefinition definition)
    {
        var columns = new Dictionary<string, int>();
        var cells = new Dictionary<string, Cell>();
        foreach (FieldDefinition field in definition.Fields)
        {
            if (IsMissing(definition, field.Key))
            {
                continue;
            }

            columns[field.Key] = 1;
            cells[field.Key] = At(OrganisationRow(field.Key), 1, _organisation.GetValueOrDefault(field.Key));
        }

        return new RawSheet(definition, definition.Name, OrganisationFirstRow, columns, [new RawRecord(OrganisationFirstRow, cells)]);
    }

    private RawSheet BuildTable(SheetDefinition definition)
    {
        var columns = new Dictionary<string, int>();
        for (int i = 0; i < definition.Fields.Count; i++)
        {
            if (!IsMissing(definition, definition.Fields[i].Key))
            {
                columns[definition.Fields[i].Key] = i;
            }
        }

        var records = new List<RawRecord>();
        List<Dictionary<string, object?>> rows = _tables[definition.Key];
        for (int r = 0; r < rows.Count; r++)
        {
            int row = DataRow(r);
            var cells = columns.ToDictionary(c => c.Key, c => At(row, c.Value, rows[r].GetValueOrDefault(c.Key)));
            records.Add(new RawRecord(row, cells));
        }

        return new RawSheet(definition, definition.Name, HeaderRow, columns, records);
    }

    /// <summary>A value standing for a cell that shows a formula error (« #N/A »…): pass it to the With… methods.</summary>
    public static Cell FormulaError(string error) => new(0, 0, null) { Error = error };

    private static Cell At(int row, int column, object? value) =>
        value is Cell template ? new Cell(row, column, template.Value) { Error = template.Error } : new Cell(row, column, value);
}
