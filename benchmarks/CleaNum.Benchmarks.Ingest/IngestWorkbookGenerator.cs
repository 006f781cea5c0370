using ClosedXML.Excel;

namespace CleaNum.Benchmarks.Ingest;

/// <summary>
/// Member workbooks as the template lays them out, each with its own valid SIREN and SIRETs; one file in ten carries
/// typical mistakes (a wrong SIRET check digit, a former région name) so the error paths are part of the measure.
/// </summary>
internal static class IngestWorkbookGenerator
{
    private static readonly (string PostalCode, string City, string Region, string RegionCode)[] Places =
    [
        ("75011", "Paris", "Île-de-France", "11"), ("35000", "Rennes", "Bretagne", "53"), ("31000", "Toulouse", "Occitanie", "76"),
        ("69002", "Lyon", "Auvergne-Rhône-Alpes", "84"), ("59000", "Lille", "Hauts-de-France", "32"), ("67000", "Strasbourg", "Grand Est", "44"),
        ("44000", "Nantes", "Pays de la Loire", "52"), ("13001", "Marseille", "Provence-Alpes-Côte d'Azur", "93"),
    ];

    /// <summary>Writes the member's workbook; with <paramref name="template"/>, fills a copy of the template CleaNum
    /// hands out (help sheet, header comments, drop-down lists, styles), as most members will; otherwise lays the four
    /// sheets out bare.</summary>
    public static void Write(string path, int seed, int establishments, int people, int references, string? template = null)
    {
        var random = new Random(seed);
        string siren = Siren(seed);
        bool faulty = seed % 10 == 9;
        (string postalCode, string city, string region, string regionCode) = Places[seed % Places.Length];
        using XLWorkbook workbook = template is null ? new XLWorkbook() : new XLWorkbook(template);
        IXLWorksheet organisme = template is null ? workbook.AddWorksheet("Organisme") : workbook.Worksheet("Organisme");
        string[][] form =
        [
            ["Raison sociale", $"Organisme de formation {seed}"], ["SIREN", siren], ["Code NAF", "85.59A"],
            ["Numéro de déclaration d'activité", $"{regionCode}{postalCode[..2]}{seed % 100_000:D5}{postalCode[..2]}"],
            ["Adresse postale", $"{seed % 200 + 1} rue de la Gare"], ["Code postal", postalCode], ["Ville", city], ["Région", region],
            ["Contact principal", "Marie Durand"], ["Courriel du contact", $"contact{seed}@example.fr"],
            ["Téléphone du contact", "01 43 00 00 00"], ["Certification Qualiopi", "Oui"], ["N° de certificat Qualiopi", $"Q-{seed}"],
            ["Organisme certificateur", "AFNOR Certification"], ["Date d'expiration Qualiopi", "31/12/2028"],
            ["Nombre d'évaluateurs mobilisables", "4"], ["Nombre de formateurs mobilisables", "5"],
        ];
        for (int i = 0; i < form.Length; i++)
        {
            if (template is null)
            {
                organisme.Cell(i + 1, 1).SetValue(form[i][0]);
                organisme.Cell(i + 1, 2).SetValue(form[i][1]);
            }
            else
            {
                // The template's label cell ends with " *" when the field is required.
                string label = Normalize(form[i][0]);
                IXLCell cell = organisme.CellsUsed(c => Normalize(c.GetString()) == label).First();
                cell.CellRight().SetValue(form[i][1]);
            }
        }

        Table(Sheet(workbook, "Etablissements", template),
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Région"],
            establishments,
            i =>
            {
                string siret = WithCheckDigit(siren + (i + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
                if (faulty && i == 1)
                {
                    siret = siret[..13] + (siret[13] == '9' ? '0' : (char)(siret[13] + 1));
                }

                return [$"Site {i + 1}", siret, $"{i + 1} avenue du Lac", postalCode, city, faulty && i == 2 ? "Rhône-Alpes" : region];
            });
        Table(Sheet(workbook, "Intervenants", template),
            ["Nom", "Prénom", "Rôle", "Diplômes", "Expériences professionnelles", "Domaines CléA numérique couverts",
                "Expériences en évaluation ou formation", "Année", "SIRET de rattachement"],
            people,
            i => [$"Nom{i}", $"Prénom{i}", i % 3 == 0 ? "Évaluateur" : i % 3 == 1 ? "Formateur" : "Évaluateur et formateur", "Master",
                "10 ans de formation", "1;2;3;4", "CléA numérique – demandeurs d'emploi – 12 stagiaires", 2020d + random.Next(6), ""]);
        Table(Sheet(workbook, "References", template),
            ["Année", "Client", "Publics concernés", "Domaines CléA numérique couverts", "Nombre de personnes évaluées", "Secteurs", "Description"],
            references,
            i => [2024d, $"Client {i}", "Demandeurs d'emploi", "1;2", 12d, "tertiaire", "Évaluations CléA numérique"]);

        workbook.SaveAs(path);
    }

    /// <summary>The SIREN of member <paramref name="seed"/> (valid check digit).</summary>
    public static string Siren(int seed) =>
        WithCheckDigit((10_000_000 + seed * 7919 % 89_999_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The network head's roster (<c>reseau.xlsx</c>) listing members 0 to <paramref name="count"/> - 1, each
    /// with its mandate received.</summary>
    public static void WriteRoster(string path, int count, int campaign)
    {
        using var workbook = new XLWorkbook();
        IXLWorksheet head = workbook.AddWorksheet("Tete de reseau");
        string[][] form = [["Raison sociale", "Réseau d'essai"], ["SIREN", WithCheckDigit("90000000")], ["Campagne", campaign.ToString(System.Globalization.CultureInfo.InvariantCulture)], ["Contact", "Jeanne Martin"]];
        for (int i = 0; i < form.Length; i++)
        {
            head.Cell(i + 1, 1).SetValue(form[i][0]);
            head.Cell(i + 1, 2).SetValue(form[i][1]);
        }

        IXLWorksheet members = workbook.AddWorksheet("Membres");
        string[] header = ["SIREN", "Raison sociale", "Lettre de mandat reçue", "Date du mandat"];
        for (int c = 0; c < header.Length; c++)
        {
            members.Cell(1, c + 1).SetValue(header[c]);
            members.Column(c + 1).Width = 24;
        }

        for (int i = 0; i < count; i++)
        {
            members.Cell(i + 2, 1).SetValue(Siren(i));
            members.Cell(i + 2, 2).SetValue($"Organisme de formation {i}");
            members.Cell(i + 2, 3).SetValue("Oui");
            members.Cell(i + 2, 4).SetValue("15/01/" + campaign.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        workbook.SaveAs(path);
    }

    private static string WithCheckDigit(string digits)
    {
        for (char c = '0'; c <= '9'; c++)
        {
            string candidate = digits + c;
            int sum = 0;
            for (int i = 0; i < candidate.Length; i++)
            {
                int d = candidate[candidate.Length - 1 - i] - '0';
                sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
            }

            if (sum % 10 == 0)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(digits);
    }

    private static IXLWorksheet Sheet(XLWorkbook workbook, string name, string? template) =>
        template is null ? workbook.AddWorksheet(name) : workbook.Worksheet(name);

    private static string Normalize(string label) =>
        CleaNum.Core.Workbook.LabelText.Normalize(label.Replace("*", "", StringComparison.Ordinal));

    /// <summary>A table under its header row: row 1 of a bare sheet, or the template's header row, columns found by label.</summary>
    private static void Table(IXLWorksheet sheet, string[] header, int rows, Func<int, object[]> row)
    {
        int headerRow = 1;
        int[] columns = [.. Enumerable.Range(1, header.Length)];
        if (sheet.FirstCellUsed() is null)
        {
            for (int c = 0; c < header.Length; c++)
            {
                sheet.Cell(1, c + 1).SetValue(header[c]);
                sheet.Column(c + 1).Width = 20;
            }
        }
        else
        {
            string first = Normalize(header[0]);
            headerRow = sheet.CellsUsed(c => Normalize(c.GetString()) == first).First().Address.RowNumber;
            columns = [.. header.Select(h => sheet.Row(headerRow).CellsUsed(c => Normalize(c.GetString()) == Normalize(h)).First().Address.ColumnNumber)];
        }

        for (int r = 0; r < rows; r++)
        {
            object[] values = row(r);
            for (int c = 0; c < values.Length; c++)
            {
                IXLCell cell = sheet.Cell(headerRow + 1 + r, columns[c]);
                if (values[c] is string text)
                {
                    cell.SetValue(text);
                }
                else
                {
                    cell.Value = values[c];
                }
            }
        }
    }
}
