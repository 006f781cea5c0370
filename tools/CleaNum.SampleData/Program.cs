// Regenerates the sample network of sample-data/ (fictional organisations, valid-looking identifiers).
// Usage: dotnet run --project tools/CleaNum.SampleData -- <output folder>
// The .xls and LibreOffice-written files are then produced with LibreOffice (see sample-data/README.md).
using System.Globalization;
using ClosedXML.Excel;
using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;
using CleaNum.Export;
using CleaNum.SampleData;
using Microsoft.Extensions.DependencyInjection;

string output = args.Length > 0 ? args[0] : "sample-data";
Directory.CreateDirectory(output);
using ServiceProvider services = new ServiceCollection()
    .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())
    .AddLogging().AddCleaNumExport().BuildServiceProvider();
ITemplateWriter template = services.GetRequiredService<ITemplateWriter>();

foreach (Member member in Network.Members)
{
    string path = Path.Combine(output, member.FileName);
    if (member.HandMade)
    {
        HandMadeWorkbook.Write(member, path);
    }
    else
    {
        template.Write(path);
        TemplateFiller.Fill(member, path);
    }

    Console.WriteLine(path);
}

Roster.Write(Path.Combine(output, NetworkWorkbookSchema.FileName));
Console.WriteLine(Path.Combine(output, NetworkWorkbookSchema.FileName));

// A file that is not a workbook at all, as members sometimes send.
File.WriteAllText(
    Path.Combine(output, "illisible-formation-plus.xlsx"),
    "%PDF-1.4\n% Dossier CléA numérique exporté en PDF puis renommé en .xlsx\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
Console.WriteLine(Path.Combine(output, "illisible-formation-plus.xlsx"));

namespace CleaNum.SampleData
{
    internal sealed record Org(
        string Name, string Siren, string Naf, string Nda, string Address, string PostalCode, string City, string Region,
        string Contact, string Email, string Phone, string Qualiopi, string? Certificate, string? Certifier, DateTime? Expiry,
        int Evaluators, int Trainers, string References, string Specificities, string Website = "", string Activity = "Formation continue d'adultes");

    internal sealed record Est(string Name, object Siret, string Address, object PostalCode, string City, string? Region);

    internal sealed record Person(string LastName, string FirstName, string Role, string Diplomas, string Experience, object Domains, string Evaluation, object Year, string? Siret, string? Status = null);

    internal sealed record Ref(object Year, string Client, string Publics, string Domains, int People, string Sectors, string Description,
        string? Contact = null, string? Topic = null, object? Date = null);

    /// <summary>One row of the optional Activite sheet (form 3.2).</summary>
    internal sealed record Act(int Year, int Registered, int Prior, int Final, int Certified);

    /// <summary>Form 1.3: première demande, habilitations CléA numérique / CléA / CléA management with their periods.</summary>
    internal sealed record History(string FirstRequest, string CleaNumerique, string? CleaNumeriquePeriod, string Clea, string? CleaPeriod, string CleaManagement, string? CleaManagementPeriod);

    internal sealed record Member(string FileName, Org Org, Est[] Establishments, Person[] People, Ref[] References, bool HandMade = false)
    {
        public Act[] Activity { get; init; } = [];

        public History? History { get; init; }
    }

    internal static class Ids
    {
        /// <summary>A SIREN whose 9th digit makes the Luhn sum a multiple of 10.</summary>
        public static string Siren(string first8) => first8 + Check(first8);

        public static string Siret(string siren, string nic4) => siren + nic4 + Check(siren + nic4);

        private static char Check(string digits)
        {
            for (char c = '0'; c <= '9'; c++)
            {
                string candidate = digits + c;
                int sum = 0;
                for (int i = 0; i < candidate.Length; i++)
                {
                    int d = candidate[candidate.Length - 1 - i] - '0';
                    if (i % 2 == 1)
                    {
                        d *= 2;
                        if (d > 9)
                        {
                            d -= 9;
                        }
                    }

                    sum += d;
                }

                if (sum % 10 == 0)
                {
                    return c;
                }
            }

            throw new InvalidOperationException();
        }
    }

    internal static class Network
    {
        private static readonly string AcmeSiren = Ids.Siren("83214756");
        private static readonly string CapSiren = Ids.Siren("79451236");
        private static readonly string SavoirsSiren = Ids.Siren("81736452");
        private static readonly string ErreursSiren = Ids.Siren("84412398");
        private static readonly string EstSiren = Ids.Siren("80265431");
        private static readonly string AuraSiren = Ids.Siren("75318642");

        private const string Domains1 = "Identifier son environnement et utiliser les outils associés";

        public static Member[] Members { get; } =
        [
            new(
                "acme-formation-idf.xlsx",
                new Org("ACME Formation", AcmeSiren, "85.59A", "11755260475", "12 rue de la Roquette", "75011", "Paris", "Île-de-France",
                    "Claire Martin", "claire.martin@acme-formation.fr", "01 43 55 12 34", "Oui", "QUA-2024-0457", "AFNOR Certification",
                    new DateTime(2028, 3, 31), 3, 5,
                    "Évaluations CléA numérique pour Pôle emploi (2023-2025), 140 candidats ; parcours numériques en entreprise.",
                    "Accueil de publics en situation de handicap ; sessions le samedi.", "https://www.acme-formation.fr"),
                [
                    new("ACME Formation Paris 11", Ids.Siret(AcmeSiren, "0001"), "12 rue de la Roquette", "75011", "Paris", "Île-de-France"),
                    // A second site of the same establishment (same SIRET, another address): a site of its own.
                    new("ACME Formation Paris 11 — salle Voltaire", Ids.Siret(AcmeSiren, "0001"), "3 passage Thiéré", "75011", "Paris", "Île-de-France"),
                    new("ACME Formation Saint-Denis", Ids.Siret(AcmeSiren, "0002"), "5 place du Caquet", "93200", "Saint-Denis", "Île-de-France"),
                    new("ACME Formation Boulogne", Ids.Siret(AcmeSiren, "0003"), "40 avenue du Général Leclerc", "92100", "Boulogne-Billancourt", "Île-de-France"),
                ],
                [
                    new("MARTIN", "Claire", "Évaluateur et formateur", "Master Sciences de l'éducation", "Responsable pédagogique depuis 2015", "1;2;3;4",
                        "Évaluation CléA numérique – Pôle emploi – demandeurs d'emploi – 60 – positionnements et évaluations finales – 2025", 2025, Ids.Siret(AcmeSiren, "0001"), "Salarié"),
                    new("DIALLO", "Moussa", "Formateur", "Titre professionnel FPA", "Formateur bureautique 8 ans", "1;2",
                        "Formation – OPCO EP – salariés TPE – 45 – initiation au numérique – 2024", 2024, Ids.Siret(AcmeSiren, "0002"), "Indépendant"),
                    new("LEROY", "Anne", "Évaluateur", "Licence professionnelle", "Conseillère en insertion 10 ans", "3;4",
                        "Évaluation – Région IDF – jeunes 16-25 ans – 30 – évaluations préalables – 2025", 2025, null, "Sous-traitant"),
                ],
                [
                    new(2025, "France Travail Paris", "Demandeurs d'emploi", "1;2;3;4", 80, "tertiaire", "Évaluations préalables et finales CléA numérique",
                        "Nadia Benali, chargée de projets, 01 40 00 00 00", "Évaluations CléA numérique des demandeurs d'emploi", new DateTime(2025, 3, 14)),
                    new(2024, "OPCO EP", "Salariés de TPE", "1;2", 45, "commerce", "Parcours de formation au numérique",
                        "Marc Lefèvre, conseiller formation", "Initiation au numérique en TPE", "10/2024"),
                ])
            {
                History = new("Non", "Oui", "2021-2025", "Oui", "2018-2024", "Non", null),
                Activity = [new(2023, 120, 115, 98, 90), new(2024, 150, 146, 130, 121), new(2025, 95, 90, 70, 66)],
            },

            // Filled by hand, not from the template: title rows, upper-case headers without accents, numeric and
            // spaced SIRETs, a numeric postal code, an empty Région. Everything here is acceptable.
            new(
                "cap-numerique-bretagne.xlsx",
                new Org("Cap Numérique Bretagne", CapSiren, "8559B", "53350841235", "3 quai Duguay-Trouin", "35000", "Rennes", "BRETAGNE",
                    "Yann Le Goff", "contact@capnumerique-bzh.fr", "+33 2 99 12 34 56", "Oui", "Q-BR-2023-118", "Bureau Veritas",
                    new DateTime(2027, 6, 30), 2, 3, "Accompagnement numérique des salariés de l'agroalimentaire.", "Antennes mobiles en zone rurale."),
                [
                    new("Cap Numérique Rennes", double.Parse(Ids.Siret(CapSiren, "0001"), CultureInfo.InvariantCulture), "3 quai Duguay-Trouin", 35000d, "Rennes", null),
                    new("Cap Numérique Brest", Spaced(Ids.Siret(CapSiren, "0002")), "18 rue de Siam", "29200", "Brest", "bretagne"),
                    new("Cap Numérique Lorient", Ids.Siret(CapSiren, "0003"), "2 rue du Port", "56100", "Lorient", ""),
                ],
                [
                    new("LE GOFF", "Yann", "Evaluateur et formateur", "DU Formateur d'adultes", "Formateur 12 ans", "1, 2, 3", "Évaluation – Conseil régional – salariés – 25 – 2024", 2024d, null),
                    new("KERMARREC", "Soizic", "Formatrice", "BTS SIO", "Technicienne informatique", 4d, "Formation – CCI – commerçants – 20 – 2025", 2025d, null),
                ],
                [new(2024, "Conseil régional de Bretagne", "Salariés de l'agroalimentaire", "1;2;3", 25, "industrie", "Évaluations CléA numérique en entreprise")],
                HandMade: true),

            new(
                "savoirs-occitanie.xlsx",
                new Org("Savoirs et Compétences Occitanie", SavoirsSiren, "85.59A", "76310123431", "25 allées Jean Jaurès", "31000", "Toulouse", "Occitanie",
                    "Julie Fabre", "j.fabre@savoirs-occitanie.fr", "05 61 22 33 44", "Oui", "Q-OC-2025-033", "Certif'OF",
                    new DateTime(2028, 1, 15), 2, 2, "Programme régional « Numérique pour tous » depuis 2021.", "Formations à distance."),
                [
                    new("Savoirs et Compétences Toulouse", Ids.Siret(SavoirsSiren, "0001"), "25 allées Jean Jaurès", "31000", "Toulouse", "Occitanie"),
                    new("Savoirs et Compétences Montpellier", Ids.Siret(SavoirsSiren, "0002"), "8 rue de la Loge", "34000", "Montpellier", "Occitanie"),
                ],
                [
                    new("FABRE", "Julie", "Évaluatrice", "Master Ingénierie de formation", "Coordinatrice 6 ans", "1;2;3;4", "Évaluation – AFPA – demandeurs d'emploi – 35 – 2025", 2025, null, "Salarié"),
                    new("GARCIA", "Luis", "Formateur", "Licence informatique", "Développeur puis formateur", "2;4", "Formation – Mission locale – jeunes – 28 – 2024", 2024, null, "Bénévole"),
                ],
                [new(2025, "Région Occitanie", "Demandeurs d'emploi", "1;2;3;4", 35, "tertiaire", "Programme Numérique pour tous")]),

            // Typical mistakes: wrong check digit, an establishment of another company, a postal code that lost its
            // zero with a former région name, a malformed e-mail, an expired Qualiopi, no trainer CV.
            new(
                "erreurs-typiques-formanord.xlsx",
                new Org("FormaNord", ErreursSiren, "85.59A", "32590412359", "10 rue Nationale", "59000", "Lille", "Hauts-de-France",
                    "Paul Dupont", "paul.dupont@formanord", "03 20 11 22 33", "Oui", "Q-HDF-2021-077", "AFNOR Certification",
                    new DateTime(2024, 12, 31), 1, 0, "", ""),
                [
                    new("FormaNord Lille", Ids.Siret(ErreursSiren, "0001")[..13] + Wrong(Ids.Siret(ErreursSiren, "0001")[13]), "10 rue Nationale", "59000", "Lille", "Hauts-de-France"),
                    new("FormaNord Amiens", Ids.Siret(AcmeSiren, "0009"), "3 rue des Trois Cailloux", "80000", "Amiens", "Hauts-de-France"),
                    new("FormaNord Bourg-en-Bresse", Ids.Siret(ErreursSiren, "0002"), "1 avenue Alsace-Lorraine", 1000d, "Bourg-en-Bresse", "Rhône-Alpes"),
                ],
                [
                    new("DUPONT", "Paul", "Évaluateur", "BTS", "Formateur 3 ans", "1;5", "Évaluation – 2019", 1985, null, "Salarié"),
                ],
                [])
            {
                Activity = [new(2024, 30, 28, 20, 24)],
            },

            new(
                "numerique-grand-est.xlsx",
                new Org("Numérique Grand Est", EstSiren, "85.32Z", "44670555567", "5 place Kléber", "67000", "Strasbourg", "Grand Est",
                    "Thomas Muller", "thomas.muller@numerique-ge.fr", "03 88 00 11", "Non", null, null, null, 2, 2,
                    "Ateliers numériques pour les salariés de l'industrie.", ""),
                [
                    new("Numérique Grand Est Strasbourg", Ids.Siret(EstSiren, "0001"), "5 place Kléber", "67000", "Strasbourg", "Grand Est"),
                    new("Numérique Grand Est Metz", Ids.Siret(EstSiren, "0002"), "12 rue Serpenoise", "57000", "Metz", "Hauts-de-France"),
                ],
                [
                    new("MULLER", "Thomas", "Eval.", "Master", "Formateur 9 ans", "1;2;3;4", "Évaluation – OPCO 2i – salariés – 40 – 2025", 2025, null, "salarié"),
                    new("SCHNEIDER", "Léa", "Form.", "Licence", "Formatrice 4 ans", "2;3", "Formation – Entreprise – salariés – 22 – 2024", 2024, null),
                ],
                [new(2025, "OPCO 2i", "Salariés de l'industrie", "1;2;3;4", 40, "industrie", "Évaluations CléA numérique")])
            {
                History = new("Oui", "Non", null, "Non", null, "Non", null),
            },

            new(
                "formaclea-aura.xlsx",
                new Org("FormaCléA Auvergne-Rhône-Alpes", AuraSiren, "85.59A", "84690777769", "20 rue de la République", "69002", "Lyon", "Auvergne-Rhône-Alpes",
                    "Sophie Bernard", "sophie.bernard@formaclea.fr", "04 72 00 00 01", "Oui", "Q-ARA-2024-210", "SGS",
                    new DateTime(2027, 11, 30), 2, 3, "Évaluations CléA numérique pour les agences d'intérim (2024-2025).", "Plateau technique mobile."),
                [
                    new("FormaCléA Lyon", Ids.Siret(AuraSiren, "0001"), "20 rue de la République", "69002", "Lyon", "Auvergne-Rhône-Alpes"),
                    new("FormaCléA Grenoble", Ids.Siret(AuraSiren, "0002"), "7 place Grenette", "38000", "Grenoble", "Auvergne-Rhône-Alpes"),
                    new("FormaCléA Clermont-Ferrand", Ids.Siret(AuraSiren, "0003"), "2 place de Jaude", "63000", "Clermont-Ferrand", "Auvergne-Rhône-Alpes"),
                ],
                [
                    new("BERNARD", "Sophie", "Évaluatrice", "Master RH", "Chargée de recrutement 7 ans", "1;2;3;4", "Évaluation – Agence d'intérim – intérimaires – 50 – 2025", 2025, Ids.Siret(AuraSiren, "0001"), "Salarié"),
                    new("ROUX", "Karim", "Formateur", "Titre professionnel FPA", "Formateur 10 ans", "1;2", "Formation – Entreprise – salariés – 30 – 2025", 2025, Ids.Siret(AuraSiren, "0002"), "Indépendant"),
                    new("PETIT", "Emma", "Évaluateur et formateur", "Licence", "Formatrice 5 ans", "3;4", "Évaluation – OPCO – salariés – 18 – 2024", 2024, Ids.Siret(AuraSiren, "0003"), "Autre"),
                ],
                [new(2025, "Groupe Intérim Plus", "Intérimaires", "1;2;3;4", 50, "tertiaire", "Évaluations CléA numérique en agence")]),
        ];

        public static (string Siren, string Name, string Mandate, string Email)[] Roster { get; } =
        [
            (AcmeSiren, "ACME Formation", "Oui", "claire.martin@acme-formation.fr"),
            (CapSiren, "Cap Numérique Bretagne", "Oui", "contact@capnumerique-bzh.fr"),
            (SavoirsSiren, "Savoirs et Compétences Occitanie", "Oui", "j.fabre@savoirs-occitanie.fr"),
            (ErreursSiren, "FormaNord", "Non", "paul.dupont@formanord.fr"),
            (EstSiren, "Numérique Grand Est", "Oui", "thomas.muller@numerique-ge.fr"),
            (AuraSiren, "FormaCléA Auvergne-Rhône-Alpes", "Oui", "sophie.bernard@formaclea.fr"),
            (Ids.Siren("52749163"), "Compétences Numériques Pays de la Loire", "Oui", "contact@cn-pdl.fr"),
        ];

        private static string Spaced(string siret) =>
            $"{siret[..3]}\u00A0{siret[3..6]}\u00A0{siret[6..9]}\u00A0{siret[9..]}";

        private static char Wrong(char digit) => digit == '9' ? '0' : (char)(digit + 1);
    }

    internal static class TemplateFiller
    {
        public static void Fill(Member member, string path)
        {
            using var workbook = new XLWorkbook(path);
            Org o = member.Org;
            IXLWorksheet form = workbook.Worksheet(MemberWorkbookSchema.Organisme.Name);
            var values = new Dictionary<string, object?>
            {
                [MemberWorkbookSchema.Org.Name] = o.Name,
                [MemberWorkbookSchema.Org.Siren] = o.Siren,
                [MemberWorkbookSchema.Org.MainActivity] = o.Activity,
                [MemberWorkbookSchema.Org.Naf] = o.Naf,
                [MemberWorkbookSchema.Org.Nda] = o.Nda,
                [MemberWorkbookSchema.Org.Address] = o.Address,
                [MemberWorkbookSchema.Org.PostalCode] = o.PostalCode,
                [MemberWorkbookSchema.Org.City] = o.City,
                [MemberWorkbookSchema.Org.Region] = o.Region,
                [MemberWorkbookSchema.Org.Website] = o.Website,
                [MemberWorkbookSchema.Org.CreationDate] = new DateTime(2009, 9, 1),
                [MemberWorkbookSchema.Org.EmployeeCount] = 12,
                [MemberWorkbookSchema.Org.ContactName] = o.Contact,
                [MemberWorkbookSchema.Org.ContactEmail] = o.Email,
                [MemberWorkbookSchema.Org.ContactPhone] = o.Phone,
                [MemberWorkbookSchema.Org.Qualiopi] = o.Qualiopi,
                [MemberWorkbookSchema.Org.QualiopiCertificate] = o.Certificate,
                [MemberWorkbookSchema.Org.QualiopiCertifier] = o.Certifier,
                [MemberWorkbookSchema.Org.QualiopiExpiry] = o.Expiry,
                [MemberWorkbookSchema.Org.FirstRequest] = member.History?.FirstRequest,
                [MemberWorkbookSchema.Org.AlreadyHabilitated] = member.History?.CleaNumerique ?? "Non",
                [MemberWorkbookSchema.Org.HabilitationPeriod] = member.History?.CleaNumeriquePeriod,
                [MemberWorkbookSchema.Org.CleaHabilitated] = member.History?.Clea,
                [MemberWorkbookSchema.Org.CleaPeriod] = member.History?.CleaPeriod,
                [MemberWorkbookSchema.Org.CleaManagementHabilitated] = member.History?.CleaManagement,
                [MemberWorkbookSchema.Org.CleaManagementPeriod] = member.History?.CleaManagementPeriod,
                [MemberWorkbookSchema.Org.EvaluatorCount] = o.Evaluators,
                [MemberWorkbookSchema.Org.TrainerCount] = o.Trainers,
                [MemberWorkbookSchema.Org.References] = o.References,
                [MemberWorkbookSchema.Org.Specificities] = o.Specificities,
            };
            foreach (FieldDefinition field in MemberWorkbookSchema.Organisme.Fields)
            {
                if (values.TryGetValue(field.Key, out object? value) && value is not null && !(value is string s && s.Length == 0))
                {
                    IXLCell label = form.CellsUsed(c => LabelText.Normalize(c.GetString()) == LabelText.Normalize(field.Label)).First();
                    Set(label.CellRight(), value);
                }
            }

            var est = MemberWorkbookSchema.Etablissements;
            FillTable(workbook, est, member.Establishments.Select(e => Row(est, e.Name, e.Siret, e.Address, e.PostalCode, e.City, e.Region)));
            var person = MemberWorkbookSchema.Intervenants;
            FillTable(workbook, person, member.People.Select(p => Row(person, p.LastName, p.FirstName, p.Role, p.Diplomas, p.Experience, p.Domains, p.Evaluation, p.Year, p.Siret, p.Status)));
            var refs = MemberWorkbookSchema.References;
            FillTable(workbook, refs, member.References.Select(r => new Dictionary<string, object?>
            {
                [MemberWorkbookSchema.Ref.Year] = r.Year, [MemberWorkbookSchema.Ref.Client] = r.Client,
                [MemberWorkbookSchema.Ref.ClientContact] = r.Contact, [MemberWorkbookSchema.Ref.Topic] = r.Topic,
                [MemberWorkbookSchema.Ref.Publics] = r.Publics, [MemberWorkbookSchema.Ref.ServiceDate] = r.Date,
                [MemberWorkbookSchema.Ref.Domains] = r.Domains, [MemberWorkbookSchema.Ref.PeopleEvaluated] = r.People,
                [MemberWorkbookSchema.Ref.Sectors] = r.Sectors, [MemberWorkbookSchema.Ref.Description] = r.Description,
            }));
            var act = MemberWorkbookSchema.Activite;
            FillTable(workbook, act, member.Activity.Select(a => Row(act, a.Year, a.Registered, a.Prior, a.Final, a.Certified)));
            workbook.Save();
        }

        /// <summary>Values in the sheet's field order.</summary>
        private static Dictionary<string, object?> Row(SheetDefinition sheet, params object?[] values) =>
            sheet.Fields.Zip(values).ToDictionary(p => p.First.Key, p => p.Second);

        /// <summary>Writes each row under the header, after the template's greyed example row (a first-column value
        /// already there) if any.</summary>
        private static void FillTable(XLWorkbook workbook, SheetDefinition sheet, IEnumerable<Dictionary<string, object?>> rows)
        {
            IXLWorksheet ws = workbook.Worksheet(sheet.Name);
            IXLRow header = ws.RowsUsed().First(r => r.CellsUsed().Any(c => LabelText.Normalize(c.GetString()) == LabelText.Normalize(sheet.Fields[0].Label)));
            var columns = sheet.Fields.ToDictionary(
                f => f.Key,
                f => header.CellsUsed().First(c => LabelText.Normalize(c.GetString()) == LabelText.Normalize(f.Label)).Address.ColumnNumber);
            int row = header.RowNumber() + 1;
            while (!ws.Cell(row, columns[sheet.Fields[0].Key]).IsEmpty())
            {
                row++;
            }

            foreach (Dictionary<string, object?> values in rows)
            {
                foreach ((string key, object? value) in values)
                {
                    Set(ws.Cell(row, columns[key]), value);
                }

                row++;
            }
        }

        internal static void Set(IXLCell cell, object? value)
        {
            switch (value)
            {
                case null:
                    break;
                case string s:
                    cell.SetValue(s);
                    break;
                case int i:
                    cell.SetValue(i);
                    break;
                case double d:
                    cell.SetValue(d);
                    break;
                case DateTime dt:
                    cell.SetValue(dt);
                    break;
                default:
                    cell.SetValue(value.ToString());
                    break;
            }
        }
    }

    /// <summary>A workbook laid out by a member without the template.</summary>
    internal static class HandMadeWorkbook
    {
        public static void Write(Member member, string path)
        {
            using var workbook = new XLWorkbook();
            Org o = member.Org;
            IXLWorksheet form = workbook.AddWorksheet("ORGANISME");
            form.Cell(1, 1).SetValue($"Dossier CléA numérique — {o.Name}");
            (string Label, object? Value)[] lines =
            [
                ("RAISON SOCIALE", o.Name), ("N° SIREN", double.Parse(o.Siren, CultureInfo.InvariantCulture)), ("CODE APE", o.Naf), ("NDA", o.Nda),
                ("ADRESSE", o.Address), ("CP", o.PostalCode), ("VILLE", o.City), ("REGION", o.Region),
                ("CONTACT", o.Contact), ("COURRIEL", o.Email), ("TELEPHONE", o.Phone), ("QUALIOPI", o.Qualiopi),
                ("N° DE CERTIFICAT QUALIOPI", o.Certificate), ("ORGANISME CERTIFICATEUR", o.Certifier),
                ("DATE D'EXPIRATION QUALIOPI", o.Expiry?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
                ("NOMBRE D'EVALUATEURS MOBILISABLES", o.Evaluators), ("NOMBRE DE FORMATEURS MOBILISABLES", o.Trainers),
                ("REFERENCES", o.References), ("SPECIFICITES", o.Specificities),
            ];
            for (int i = 0; i < lines.Length; i++)
            {
                form.Cell(i + 3, 1).SetValue(lines[i].Label);
                TemplateFiller.Set(form.Cell(i + 3, 2), lines[i].Value);
            }

            IXLWorksheet est = workbook.AddWorksheet("ETABLISSEMENTS");
            est.Cell(1, 1).SetValue("Liste des établissements");
            est.Cell(2, 1).SetValue("(une ligne par site)");
            string[] estHeaders = ["RAISON SOCIALE", "N° SIRET", "ADRESSE", "CP", "VILLE", "REGION"];
            WriteTable(est, 4, estHeaders, member.Establishments.Select(e => new object?[] { e.Name, e.Siret, e.Address, e.PostalCode, e.City, e.Region }));

            IXLWorksheet people = workbook.AddWorksheet("INTERVENANTS");
            string[] peopleHeaders = ["NOM", "PRENOM", "ROLE", "DIPLOMES", "EXPERIENCES PROFESSIONNELLES", "DOMAINES CLEA NUMERIQUE COUVERTS", "EXPERIENCES EN EVALUATION OU FORMATION", "ANNEE"];
            WriteTable(people, 1, peopleHeaders, member.People.Select(p => new object?[] { p.LastName, p.FirstName, p.Role, p.Diplomas, p.Experience, p.Domains, p.Evaluation, p.Year }));

            IXLWorksheet refs = workbook.AddWorksheet("REFERENCES");
            string[] refHeaders = ["ANNEE", "CLIENT", "PUBLICS CONCERNES", "DOMAINES CLEA NUMERIQUE COUVERTS", "NOMBRE DE PERSONNES EVALUEES", "SECTEURS", "DESCRIPTION"];
            WriteTable(refs, 1, refHeaders, member.References.Select(r => new object?[] { r.Year, r.Client, r.Publics, r.Domains, r.People, r.Sectors, r.Description }));

            foreach (IXLWorksheet ws in workbook.Worksheets)
            {
                ws.Columns(1, 10).Width = 28;
            }

            workbook.SaveAs(path);
        }

        private static void WriteTable(IXLWorksheet ws, int headerRow, string[] headers, IEnumerable<object?[]> rows)
        {
            for (int c = 0; c < headers.Length; c++)
            {
                ws.Cell(headerRow, c + 1).SetValue(headers[c]);
            }

            int row = headerRow + 1;
            foreach (object?[] values in rows)
            {
                for (int c = 0; c < values.Length; c++)
                {
                    TemplateFiller.Set(ws.Cell(row, c + 1), values[c]);
                }

                // A blank line between entries, as people do.
                row += 2;
            }
        }
    }

    internal static class Roster
    {
        public static void Write(string path)
        {
            using var workbook = new XLWorkbook();
            IXLWorksheet head = workbook.AddWorksheet(NetworkWorkbookSchema.HeadSheet.Name);
            (string, object)[] lines =
            [
                ("Raison sociale", "Réseau CléA Numérique France"), ("SIREN", Ids.Siren("90123456")), ("Campagne", 2026),
                ("Activité CléA numérique de la tête de réseau", "Oui"), ("Contact", "Hélène Moreau — helene.moreau@reseau-clea.fr"),
            ];
            for (int i = 0; i < lines.Length; i++)
            {
                head.Cell(i + 1, 1).SetValue(lines[i].Item1);
                TemplateFiller.Set(head.Cell(i + 1, 2), lines[i].Item2);
            }

            head.Column(1).Width = 45;
            head.Column(2).Width = 50;
            IXLWorksheet members = workbook.AddWorksheet(NetworkWorkbookSchema.MembersSheet.Name);
            string[] headers = ["SIREN", "Raison sociale", "Lettre de mandat reçue", "Date du mandat", "Courriel"];
            for (int c = 0; c < headers.Length; c++)
            {
                members.Cell(1, c + 1).SetValue(headers[c]);
            }

            int row = 2;
            foreach ((string siren, string name, string mandate, string email) in Network.Roster)
            {
                members.Cell(row, 1).Style.NumberFormat.Format = "@";
                members.Cell(row, 1).SetValue(siren);
                members.Cell(row, 2).SetValue(name);
                members.Cell(row, 3).SetValue(mandate);
                if (mandate == "Oui")
                {
                    members.Cell(row, 4).SetValue(new DateTime(2026, 9, 15));
                }

                members.Cell(row, 5).SetValue(email);

                row++;
            }

            members.Columns(1, 5).Width = 30;
            workbook.SaveAs(path);
        }
    }
}
