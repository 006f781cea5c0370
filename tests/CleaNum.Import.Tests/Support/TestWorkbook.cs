using ClosedXML.Excel;

namespace CleaNum.Import.Tests.Support;

/// <summary>Builds real .xlsx files with ClosedXML (test-only). Rows are 1-based; <c>null</c> leaves a cell empty.</summary>
internal sealed class TestWorkbook
{
    private readonly XLWorkbook _workbook = new();

    public TestWorkbook Sheet(string name, Action<IXLWorksheet> fill)
    {
        IXLWorksheet sheet = _workbook.AddWorksheet(name);
        fill(sheet);
        return this;
    }

    /// <summary>A sheet whose rows are written from <paramref name="firstRow"/> on, one array per row.</summary>
    public TestWorkbook Table(string name, int firstRow, params object?[][] rows) => Sheet(name, sheet => WriteRows(sheet, firstRow, 1, rows));

    public string Save(TempFolder folder, string fileName = "classeur.xlsx")
    {
        string path = folder.File(fileName);
        _workbook.SaveAs(path, new SaveOptions { EvaluateFormulasBeforeSaving = true });
        _workbook.Dispose();
        return path;
    }

    public static void WriteRows(IXLWorksheet sheet, int firstRow, int firstColumn, params object?[][] rows)
    {
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 0; c < rows[r].Length; c++)
            {
                object? value = rows[r][c];
                if (value is string text)
                {
                    sheet.Cell(firstRow + r, firstColumn + c).SetValue(text); // kept as text, as a member typing "01000" would
                }
                else if (value is not null)
                {
                    sheet.Cell(firstRow + r, firstColumn + c).Value = value;
                }
            }
        }
    }

    /// <summary>The member template's four sheets, filled with plausible data (establishments, CVs, references).</summary>
    public static TestWorkbook Member(int establishments = 2, int people = 2, int references = 1)
    {
        var workbook = new TestWorkbook();
        workbook.Sheet("Organisme", sheet => WriteRows(sheet, 1, 1,
            ["Raison sociale", "Formation Conseil Savoie"],
            ["SIREN", "732829320"],
            ["Code NAF", "85.59A"],
            ["Numéro de déclaration d'activité", "82730000073"],
            ["Adresse postale", "12 rue de la Gare"],
            ["Code postal", "73000"],
            ["Ville", "Chambéry"],
            ["Région", "Auvergne-Rhône-Alpes"],
            ["Contact principal", "Marie Durand"],
            ["Courriel du contact", "marie.durand@example.fr"],
            ["Téléphone du contact", "04 79 00 00 00"],
            ["Certification Qualiopi", "Oui"],
            ["Nombre d'évaluateurs mobilisables", 3],
            ["Nombre de formateurs mobilisables", 4]));
        workbook.Table("Etablissements", 1,
        [
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Région"],
            .. Enumerable.Range(0, establishments).Select(i => new object?[]
                { $"Site {i + 1}", "73282932000074", $"{i + 1} avenue du Lac", "73000", "Chambéry", null }),
        ]);
        workbook.Table("Intervenants", 1,
        [
            ["Nom", "Prénom", "Rôle", "Diplômes", "Expériences professionnelles", "Domaines CléA numérique couverts",
                "Expériences en évaluation ou formation", "Année", "SIRET de rattachement"],
            .. Enumerable.Range(0, people).Select(i => new object?[]
                { $"Nom{i}", $"Prénom{i}", i % 2 == 0 ? "Évaluateur" : "Formateur", "Master", "10 ans", "1;2;3;4", "CléA 2024", 2024, null }),
        ]);
        workbook.Table("References", 1,
        [
            ["Année", "Client", "Publics concernés", "Domaines CléA numérique couverts", "Nombre de personnes évaluées", "Secteurs", "Description"],
            .. Enumerable.Range(0, references).Select(i => new object?[]
                { 2024, $"Client {i}", "Demandeurs d'emploi", "1;2", 12, "tertiaire", "Évaluations CléA numérique" }),
        ]);
        return workbook;
    }
}
