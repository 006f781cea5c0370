using CleaNum.Core.Domain;
using CleaNum.Core.Workbook;
using Head = CleaNum.Core.Workbook.NetworkWorkbookSchema.Head;
using Member = CleaNum.Core.Workbook.NetworkWorkbookSchema.Member;

namespace CleaNum.Core.Tests.Builders;

/// <summary>The network head's <c>reseau.xlsx</c> as read by Import, and ready-made <see cref="NetworkRoster"/>s.</summary>
internal sealed class ARosterWorkbook
{
    public const int FirstDataRow = 3;

    private readonly Dictionary<string, object?> _head = new()
    {
        [Head.Name] = "Réseau Formation Rhône-Alpes",
        [Head.Siren] = "542107651",
        [Head.Campaign] = 2026d,
        [Head.CleaActivity] = "Oui",
        [Head.Contact] = "Jeanne Roux",
    };

    private readonly List<Dictionary<string, object?>> _members =
    [
        new() { [Member.Siren] = "732829320", [Member.Name] = "Formations Numériques du Rhône", [Member.MandateReceived] = "Oui", [Member.MandateDate] = new DateTime(2026, 1, 12) },
        new() { [Member.Siren] = "552 081 317", [Member.Name] = "Atelier Compétences", [Member.MandateReceived] = "Non", [Member.MandateDate] = null },
    ];

    private bool _withoutMembersSheet;

    public static ARosterWorkbook Valid() => new();

    /// <summary>A roster listing <paramref name="siren"/> with the given mandate status, plus one other member.</summary>
    public static NetworkRoster Roster(string siren, bool? mandateReceived) => new(
        new NetworkHead("Réseau Formation Rhône-Alpes", "542107651", 2026, true, "Jeanne Roux"),
        [new RosterMember(3, siren, "Formations Numériques du Rhône", mandateReceived, null), new RosterMember(4, "552081317", "Atelier Compétences", true, null)]);

    public ARosterWorkbook WithMember(int index, string key, object? value)
    {
        _members[index][key] = value;
        return this;
    }

    public ARosterWorkbook WithHead(string key, object? value)
    {
        _head[key] = value;
        return this;
    }

    public ARosterWorkbook WithoutMembersSheet()
    {
        _withoutMembersSheet = true;
        return this;
    }

    public RawWorkbook Build()
    {
        SheetDefinition headDefinition = NetworkWorkbookSchema.HeadSheet;
        var headCells = new Dictionary<string, Cell>();
        var headColumns = new Dictionary<string, int>();
        for (int i = 0; i < headDefinition.Fields.Count; i++)
        {
            string key = headDefinition.Fields[i].Key;
            headColumns[key] = 1;
            headCells[key] = new Cell(2 + i, 1, _head.GetValueOrDefault(key));
        }

        var sheets = new List<RawSheet> { new(headDefinition, headDefinition.Name, 2, headColumns, [new RawRecord(2, headCells)]) };
        if (!_withoutMembersSheet)
        {
            SheetDefinition definition = NetworkWorkbookSchema.MembersSheet;
            var columns = new Dictionary<string, int>();
            for (int i = 0; i < definition.Fields.Count; i++)
            {
                columns[definition.Fields[i].Key] = i;
            }

            var records = _members
                .Select((m, r) => new RawRecord(FirstDataRow + r, columns.ToDictionary(c => c.Key, c => new Cell(FirstDataRow + r, c.Value, m.GetValueOrDefault(c.Key)))))
                .ToList();
            sheets.Add(new RawSheet(definition, definition.Name, FirstDataRow - 1, columns, records));
        }

        return new RawWorkbook(NetworkWorkbookSchema.FileName, sheets, []);
    }
}
