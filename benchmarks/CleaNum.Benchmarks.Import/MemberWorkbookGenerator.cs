using ClosedXML.Excel;

namespace CleaNum.Benchmarks.Import;

/// <summary>Writes plausible member workbooks (the template's four sheets) with ClosedXML.</summary>
internal static class MemberWorkbookGenerator
{
    public static void Write(string path, int seed, int establishments, int people, int references)
    {
        var random = new Random(seed);
        using var workbook = new XLWorkbook();

        IXLWorksheet organisme = workbook.AddWorksheet("Organisme");
        string[][] form =
        [
            ["Raison sociale", $"Organisme {seed}"], ["SIREN", "732829320"], ["Code NAF", "85.59A"],
            ["Numéro de déclaration d'activité", "82730000073"], ["Adresse postale", $"{seed} rue de la Gare"],
            ["Code postal", "73000"], ["Ville", "Chambéry"], ["Région", "Auvergne-Rhône-Alpes"],
            ["Contact principal", "Marie Durand"], ["Courriel du contact", "marie.durand@example.fr"],
            ["Téléphone du contact", "04 79 00 00 00"], ["Certification Qualiopi", "Oui"],
            ["Nombre d'évaluateurs mobilisables", "3"], ["Nombre de formateurs mobilisables", "4"],
        ];
        for (int i = 0; i < form.Length; i++)
        {
            organisme.Cell(i + 1, 1).SetValue(form[i][0]);
            organisme.Cell(i + 1, 2).SetValue(form[i][1]);
        }

        Table(workbook.AddWorksheet("Etablissements"),
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Région"],
            establishments,
            i => [$"Site {i}", 73282932000074d + random.Next(1000), $"{i} avenue du Lac", "73000", "Chambéry", ""]);
        Table(workbook.AddWorksheet("Intervenants"),
            ["Nom", "Prénom", "Rôle", "Diplômes", "Expériences professionnelles", "Domaines CléA numérique couverts",
                "Expériences en évaluation ou formation", "Année", "SIRET de rattachement"],
            people,
            i => [$"Nom{i}", $"Prénom{i}", i % 2 == 0 ? "Évaluateur" : "Formateur", "Master", "10 ans de formation", "1;2;3;4",
                "CléA numérique – demandeurs d'emploi – 12 stagiaires", 2020d + random.Next(6), ""]);
        Table(workbook.AddWorksheet("References"),
            ["Année", "Client", "Publics concernés", "Domaines CléA numérique couverts", "Nombre de personnes évaluées", "Secteurs", "Description"],
            references,
            i => [2024d, $"Client {i}", "Demandeurs d'emploi", "1;2", 12d, "tertiaire", "Évaluations CléA numérique"]);

        workbook.SaveAs(path);
    }

    private static void Table(IXLWorksheet sheet, string[] header, int rows, Func<int, object[]> row)
    {
        for (int c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
            sheet.Column(c + 1).Width = 20;
        }

        for (int r = 0; r < rows; r++)
        {
            object[] values = row(r);
            for (int c = 0; c < values.Length; c++)
            {
                if (values[c] is string text)
                {
                    sheet.Cell(r + 2, c + 1).SetValue(text);
                }
                else
                {
                    sheet.Cell(r + 2, c + 1).Value = values[c];
                }
            }
        }
    }
}
