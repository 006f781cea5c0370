using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Tests.Builders;
using CleaNum.Core.Validation;
using CleaNum.Core.Workbook;
using Act = CleaNum.Core.Workbook.MemberWorkbookSchema.Act;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;
using Keys = CleaNum.Core.Workbook.MemberWorkbookSchema.Keys;
using Org = CleaNum.Core.Workbook.MemberWorkbookSchema.Org;
using Person = CleaNum.Core.Workbook.MemberWorkbookSchema.Person;
using Ref = CleaNum.Core.Workbook.MemberWorkbookSchema.Ref;

namespace CleaNum.Core.Tests.Validation;

/// <summary>
/// Each cell is parsed once, by the one field → parser map (<see cref="ParseOutcome.Parse"/>): what the format rule
/// reports and what the normalised member holds come from that one outcome. These tests fail when a second parse path
/// (a parser named in the normaliser, a rule reading the cell its own way) drifts from the map.
/// </summary>
public sealed class FieldParsingTests
{
    /// <summary>Where each typed field of the member workbook lands in <see cref="MemberData"/>, and what it holds when
    /// the cell is not accepted (null, or the domain's empty value).</summary>
    private static readonly Dictionary<(string Sheet, string Field), (Func<MemberData, object?> Read, object? Rejected)> Normalised = new()
    {
        [(Keys.Organisme, Org.Siren)] = (m => m.Organisation.Siren, null),
        [(Keys.Organisme, Org.Naf)] = (m => m.Organisation.NafCode, null),
        [(Keys.Organisme, Org.Nda)] = (m => m.Organisation.Nda, null),
        [(Keys.Organisme, Org.PostalCode)] = (m => m.Organisation.PostalCode, null),
        [(Keys.Organisme, Org.Website)] = (m => m.Organisation.Website, null),
        [(Keys.Organisme, Org.CreationDate)] = (m => m.Organisation.CreationDate, null),
        [(Keys.Organisme, Org.EmployeeCount)] = (m => m.Organisation.EmployeeCount, null),
        [(Keys.Organisme, Org.ContactEmail)] = (m => m.Organisation.MainContact.Email, null),
        [(Keys.Organisme, Org.ContactPhone)] = (m => m.Organisation.MainContact.Phone, null),
        [(Keys.Organisme, Org.BillingEmail)] = (m => m.Organisation.BillingContact?.Email, null),
        [(Keys.Organisme, Org.BillingPhone)] = (m => m.Organisation.BillingContact?.Phone, null),
        [(Keys.Organisme, Org.Qualiopi)] = (m => m.Organisation.Qualiopi, null),
        [(Keys.Organisme, Org.QualiopiExpiry)] = (m => m.Organisation.QualiopiExpiry, null),
        [(Keys.Organisme, Org.FirstRequest)] = (m => m.Organisation.FirstCleaNumeriqueRequest, null),
        [(Keys.Organisme, Org.AlreadyHabilitated)] = (m => m.Organisation.AlreadyHabilitated, null),
        [(Keys.Organisme, Org.CleaHabilitated)] = (m => m.Organisation.CleaHabilitated, null),
        [(Keys.Organisme, Org.CleaManagementHabilitated)] = (m => m.Organisation.CleaManagementHabilitated, null),
        [(Keys.Organisme, Org.EvaluatorCount)] = (m => m.Organisation.EvaluatorCount, null),
        [(Keys.Organisme, Org.TrainerCount)] = (m => m.Organisation.TrainerCount, null),
        [(Keys.Etablissements, Est.Siret)] = (m => m.Establishments[0].Siret, null),
        [(Keys.Etablissements, Est.PostalCode)] = (m => m.Establishments[0].PostalCode, null),
        [(Keys.Intervenants, Person.Role)] = (m => m.Intervenants[0].Role, IntervenantRole.None),
        [(Keys.Intervenants, Person.Domains)] = (m => m.Intervenants[0].Domains, ""),
        [(Keys.Intervenants, Person.Year)] = (m => m.Intervenants[0].Year, null),
        [(Keys.Intervenants, Person.Siret)] = (m => m.Intervenants[0].Siret, null),
        [(Keys.References, Ref.Year)] = (m => m.References[0].Year, null),
        [(Keys.References, Ref.Domains)] = (m => m.References[0].Domains, ""),
        [(Keys.References, Ref.PeopleEvaluated)] = (m => m.References[0].PeopleEvaluated, null),
        [(Keys.Activite, Act.Year)] = (m => m.Activity[0].Year, null),
        [(Keys.Activite, Act.Registered)] = (m => m.Activity[0].Registered, null),
        [(Keys.Activite, Act.PriorEvaluations)] = (m => m.Activity[0].PriorEvaluations, null),
        [(Keys.Activite, Act.FinalEvaluations)] = (m => m.Activity[0].FinalEvaluations, null),
        [(Keys.Activite, Act.Certified)] = (m => m.Activity[0].Certified, null),
    };

    /// <summary>Cells members type, accepted and not, per format.</summary>
    private static readonly Dictionary<FieldFormat, object[]> Inputs = new()
    {
        [FieldFormat.Siren] = ["732 829 320", "732829321", "7328", 732829320d, "7,32829E+8"],
        [FieldFormat.Siret] = ["732 829 320 00074", "73282932000079", "732 829 320", 73282932000074d, "7,32829E+13"],
        [FieldFormat.PostalCode] = ["69003", 1000d, "690", "F-69003", "98000"],
        [FieldFormat.Naf] = ["85.59A", "8559a", "85.59", "ZZ"],
        [FieldFormat.Nda] = ["84 69 12345 69", "84691234569", "8469", "abc"],
        [FieldFormat.Email] = ["claire.martin@fnr-formation.fr", " Claire@Exemple.FR ", "claire.martin", "a@b"],
        [FieldFormat.Phone] = ["04 78 12 34 56", "+33 4 78 12 34 56", "12", 478123456d],
        [FieldFormat.Url] = ["https://www.fnr-formation.fr", "www.fnr-formation.fr", "fnr formation", "http://"],
        [FieldFormat.Date] = [new DateTime(2020, 1, 2), "02/01/2020", "31/02/2020", "hier", 43831d],
        [FieldFormat.Year] = [2024d, "2024", 1980d, "20x4", 2024.5d],
        [FieldFormat.Count] = [3d, "3", -1d, "trois", 2.5d],
        [FieldFormat.YesNo] = ["Oui", "non", true, "Peut-être"],
        [FieldFormat.Role] = ["Formateur", "Évaluateur et formateur", "Cuisinier"],
        [FieldFormat.Domains] = ["1;2", "2, 3", "7", "tous"],
    };

    public static TheoryData<string, string, int> TypedFieldInputs
    {
        get
        {
            var data = new TheoryData<string, string, int>();
            foreach ((string sheetKey, string fieldKey) in Normalised.Keys)
            {
                FieldFormat format = MemberWorkbookSchema.Sheets.Single(s => s.Key == sheetKey).Field(fieldKey).Format;
                for (int i = 0; i < Inputs[format].Length; i++)
                {
                    data.Add(sheetKey, fieldKey, i);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Every_format_but_free_text_and_region_has_exactly_one_parser()
    {
        var cell = new Cell(3, 1, "x");

        foreach (FieldFormat format in Enum.GetValues<FieldFormat>())
        {
            Assert.Equal(ParseOutcome.HasParser(format), ParseOutcome.Parse(format, cell) is not null);
        }

        Assert.Equal([FieldFormat.Text, FieldFormat.Region], Enum.GetValues<FieldFormat>().Where(f => !ParseOutcome.HasParser(f)));
    }

    [Fact]
    public void Every_typed_field_of_the_member_workbook_is_checked_against_its_normalised_value()
    {
        IEnumerable<(string, string)> typed = MemberWorkbookSchema.Sheets
            .SelectMany(s => s.Fields.Where(f => ParseOutcome.HasParser(f.Format)).Select(f => (s.Key, f.Key)));

        Assert.Equal(typed.Order(), Normalised.Keys.Order());
        Assert.All(Normalised.Keys, k => Assert.True(Inputs.ContainsKey(MemberWorkbookSchema.Sheets.Single(s => s.Key == k.Sheet).Field(k.Field).Format)));
    }

    [Theory]
    [MemberData(nameof(TypedFieldInputs))]
    public void Normalises_the_value_the_format_rule_accepted_and_nothing_it_refused(string sheetKey, string fieldKey, int inputIndex)
    {
        SheetDefinition sheet = MemberWorkbookSchema.Sheets.Single(s => s.Key == sheetKey);
        FieldDefinition field = sheet.Field(fieldKey);
        object input = Inputs[field.Format][inputIndex];
        ARawWorkbook builder = sheetKey == Keys.Organisme
            ? ARawWorkbook.Valid().WithOrganisation(fieldKey, input).WithOrganisation(Org.BillingName, "Service comptable")
            : ARawWorkbook.Valid().WithRow(sheetKey, 0, fieldKey, input);
        RawWorkbook workbook = builder.Build();
        Cell cell = workbook.Sheet(sheetKey)!.Records[0].Get(fieldKey)!;
        ParseOutcome expected = ParseOutcome.Parse(field.Format, cell)!.Value;

        MemberValidationResult result = MemberWorkbookValidator.CreateDefault().Validate(workbook, ARawWorkbook.Settings());

        IEnumerable<string> codesAtCell = result.Issues.Where(i => i.Sheet == workbook.Sheet(sheetKey)!.SheetName && i.CellAddress == cell.Address).Select(i => i.Code);
        if (expected.Code is { } code)
        {
            Assert.Contains(code, codesAtCell);
        }

        bool accepted = expected.Code is null
            || (IsLenient(fieldKey) && expected.Value is not null && IssueCatalog.Get(expected.Code).DefaultSeverity != Severity.Error);
        object? want = accepted ? expected.Value : Normalised[(sheetKey, fieldKey)].Rejected;
        Assert.Equal(Comparable(want), Comparable(Normalised[(sheetKey, fieldKey)].Read(result.Member!)));
    }

    /// <summary>Website and phones keep a value that only draws a warning (member-workbook.md).</summary>
    private static bool IsLenient(string fieldKey) => fieldKey is Org.Website or Org.ContactPhone or Org.BillingPhone;

    private static object? Comparable(object? value) =>
        value is IEnumerable<CleaDomain> domains ? string.Join(";", domains) : value;
}
