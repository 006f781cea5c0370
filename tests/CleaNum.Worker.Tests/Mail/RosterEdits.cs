using ClosedXML.Excel;

namespace CleaNum.Worker.Tests.Mail;

/// <summary>Edits a copy of the sample <c>reseau.xlsx</c> as a head would in Excel: a mandate answer, a Courriel column.</summary>
internal static class RosterEdits
{
    public static IReadOnlyList<string> Sirens(string path)
    {
        using var workbook = new XLWorkbook(path);
        (IXLWorksheet sheet, int header, int siren) = Members(workbook);
        return [.. sheet.RowsUsed().Where(r => r.RowNumber() > header)
            .Select(r => r.Cell(siren).GetString().Replace(" ", "", StringComparison.Ordinal))
            .Where(s => s.Length == 9)];
    }

    /// <summary>SIREN → the address of the optional <c>Courriel</c> column, for the rows that have one.</summary>
    public static IReadOnlyDictionary<string, string> Emails(string path)
    {
        using var workbook = new XLWorkbook(path);
        (IXLWorksheet sheet, int header, int siren) = Members(workbook);
        int email = Column(sheet, header, "Courriel");
        return sheet.RowsUsed().Where(r => r.RowNumber() > header && !r.Cell(email).IsEmpty())
            .ToDictionary(r => r.Cell(siren).GetString().Replace(" ", "", StringComparison.Ordinal), r => r.Cell(email).GetString());
    }

    public static void SetMandate(string path, string siren, bool received)
    {
        using var workbook = new XLWorkbook(path);
        (IXLWorksheet sheet, int header, int sirenColumn) = Members(workbook);
        int mandate = Column(sheet, header, "mandat reçu");
        RowOf(sheet, header, sirenColumn, siren).Cell(mandate).Value = received ? "Oui" : "Non";
        workbook.Save();
    }

    public static void AddEmails(string path, Func<string, string> emailOf)
    {
        using var workbook = new XLWorkbook(path);
        (IXLWorksheet sheet, int header, int sirenColumn) = Members(workbook);
        // The sample roster already has the optional Courriel column: overwrite it; else add it after the last one.
        int column = sheet.Row(header).CellsUsed().FirstOrDefault(c => c.GetString() == "Courriel")?.Address.ColumnNumber
            ?? sheet.Row(header).LastCellUsed()!.Address.ColumnNumber + 1;
        sheet.Cell(header, column).Value = "Courriel";
        foreach (IXLRow row in sheet.RowsUsed().Where(r => r.RowNumber() > header))
        {
            string siren = row.Cell(sirenColumn).GetString().Replace(" ", "", StringComparison.Ordinal);
            if (siren.Length == 9)
            {
                row.Cell(column).Value = emailOf(siren);
            }
        }

        workbook.Save();
    }

    /// <summary>Appends <paramref name="count"/> members with valid made-up SIRENs (mandate received) after the last row.</summary>
    public static void AddMembers(string path, int count)
    {
        using var workbook = new XLWorkbook(path);
        (IXLWorksheet sheet, int header, int sirenColumn) = Members(workbook);
        int mandate = Column(sheet, header, "mandat reçu");
        int name = sheet.Row(header).CellsUsed().First(c => c.GetString().Contains("raison sociale", StringComparison.OrdinalIgnoreCase)).Address.ColumnNumber;
        int row = sheet.LastRowUsed()!.RowNumber();
        for (int i = 0; i < count; i++)
        {
            row++;
            sheet.Cell(row, name).Value = $"Membre ajouté {i + 1}";
            sheet.Cell(row, sirenColumn).Value = CleaNum.Testing.TestNetwork.Siren(1000 + i);
            sheet.Cell(row, mandate).Value = "Oui";
        }

        workbook.Save();
    }

    /// <summary>Removes the members whose SIREN is not in <paramref name="keep"/>.</summary>
    public static void KeepOnly(string path, IReadOnlyCollection<string> keep)
    {
        using var workbook = new XLWorkbook(path);
        (IXLWorksheet sheet, int header, int sirenColumn) = Members(workbook);
        foreach (IXLRow row in sheet.RowsUsed().Where(r => r.RowNumber() > header).Reverse().ToList())
        {
            string siren = row.Cell(sirenColumn).GetString().Replace(" ", "", StringComparison.Ordinal);
            if (siren.Length == 9 && !keep.Contains(siren))
            {
                row.Delete();
            }
        }

        workbook.Save();
    }

    private static (IXLWorksheet Sheet, int Header, int Siren) Members(XLWorkbook workbook)
    {
        IXLWorksheet sheet = workbook.Worksheets.First(s => s.Name.StartsWith("Membres", StringComparison.OrdinalIgnoreCase));
        IXLCell sirenHeader = sheet.CellsUsed().First(c => c.GetString().Trim().Equals("SIREN", StringComparison.OrdinalIgnoreCase));
        return (sheet, sirenHeader.Address.RowNumber, sirenHeader.Address.ColumnNumber);
    }

    private static int Column(IXLWorksheet sheet, int header, string label) =>
        sheet.Row(header).CellsUsed().First(c => c.GetString().Contains(label, StringComparison.OrdinalIgnoreCase)).Address.ColumnNumber;

    private static IXLRow RowOf(IXLWorksheet sheet, int header, int sirenColumn, string siren) =>
        sheet.RowsUsed().First(r => r.RowNumber() > header
            && r.Cell(sirenColumn).GetString().Replace(" ", "", StringComparison.Ordinal) == siren);
}
