using System.Globalization;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;

namespace CleaNum.Testing;

/// <summary>(Shared, linked into the Core, Export and Worker tests and the consolidation benchmark.) Generated networks of members (in-memory submissions with valid SIREN/SIRET and real postal codes), and the
/// consolidation input built from them the way the Worker builds it from the store.</summary>
internal static class TestNetwork
{
    public const int Campaign = 2025;

    /// <summary>One real postal code and city per région (13 metropolitan + Guadeloupe).</summary>
    public static readonly (string Region, string PostalCode, string City)[] Places =
    [
        ("11", "75008", "Paris"), ("24", "45000", "Orléans"), ("27", "21000", "Dijon"), ("28", "76000", "Rouen"),
        ("32", "59000", "Lille"), ("44", "67000", "Strasbourg"), ("52", "44000", "Nantes"), ("53", "35000", "Rennes"),
        ("75", "33000", "Bordeaux"), ("76", "31000", "Toulouse"), ("84", "69001", "Lyon"), ("93", "13001", "Marseille"),
        ("94", "20000", "Ajaccio"), ("01", "97110", "Pointe-à-Pitre"),
    ];

    public static string Siren(int member)
    {
        string body = (10_000_000 + (member * 7919 % 89_999_999)).ToString("D8", CultureInfo.InvariantCulture);
        return body + LuhnDigit(body);
    }

    public static string Siret(string siren, int establishment)
    {
        string body = siren + (establishment + 1).ToString("D4", CultureInfo.InvariantCulture);
        return body + LuhnDigit(body);
    }

    private static char LuhnDigit(string body)
    {
        for (char d = '0'; d <= '9'; d++)
        {
            if (LuhnValid(body + d))
            {
                return d;
            }
        }

        throw new InvalidOperationException();
    }

    private static bool LuhnValid(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
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

        return sum % 10 == 0;
    }

    public static string NameOf(int member) => $"Organisme {member:D3} Formation";

    /// <summary>Member <paramref name="member"/>: 1–5 establishments (the last one in the next région), 3–8 CVs with
    /// every role, declared counts a little above the CVs, 0–3 references.</summary>
    public static Submission Member(int member, int version = 1, int? establishments = null, int? intervenants = null)
    {
        string siren = Siren(member);
        string name = NameOf(member);
        (string region, string postalCode, string city) = Places[member % 13];
        int establishmentCount = establishments ?? 1 + (member % 5);
        int cvCount = intervenants ?? 3 + (member % 6);
        var people = new List<Intervenant>();
        for (int i = 0; i < cvCount; i++)
        {
            IntervenantRole role = (i % 3) switch { 0 => IntervenantRole.Evaluator, 1 => IntervenantRole.Trainer, _ => IntervenantRole.Both };
            bool complete = (i + member) % 4 != 0;
            people.Add(new Intervenant(
                2 + i, $"Nom{member}-{i}", $"Prénom{i}", role,
                complete ? "Master ingénierie de formation" : null,
                "Formatrice numérique depuis 2012",
                [CleaDomain.Environment, CleaDomain.Security],
                complete ? "Évaluations CléA numérique – demandeurs d'emploi – 2024" : null,
                2024,
                null));
        }

        var sites = new List<Establishment>();
        for (int e = 0; e < establishmentCount; e++)
        {
            (string r, string pc, string c) = e == establishmentCount - 1 && e > 0 ? Places[(member + 1) % Places.Length] : (region, postalCode, city);
            sites.Add(new Establishment(8 + e, $"{name} – site {e + 1}", Siret(siren, e), $"{e + 1} rue de la Formation", pc, c, r));
        }

        int evaluators = people.Count(p => p.Role.HasFlag(IntervenantRole.Evaluator));
        int trainers = people.Count(p => p.Role.HasFlag(IntervenantRole.Trainer));
        var organisation = new MemberOrganisation
        {
            Name = name,
            Siren = siren,
            NafCode = "85.59A",
            Nda = $"11{75_000_000 + member:D9}", // one NDA per organisation, as in real life
            Address = $"{member} avenue de la République",
            PostalCode = postalCode,
            City = city,
            RegionCode = region,
            EvaluatorCount = evaluators + (member % 3),
            TrainerCount = trainers + 1,
            Specificities = member % 2 == 0 ? "Publics en insertion, formation à distance" : null,
        };
        var references = Enumerable.Range(0, member % 4)
            .Select(r => new Reference(2 + r, 2022 + r, $"Client {member}-{r}", "Demandeurs d'emploi", [CleaDomain.Information], 10 + r, "Tertiaire", "Parcours CléA numérique"))
            .ToList();
        return new Submission
        {
            Id = (member * 10) + version,
            FileName = $"membre-{member:D3}-v{version}.xlsx",
            Sha256 = $"{member:D8}{version:D4}".PadRight(64, 'a'),
            ReceivedAtUtc = new DateTime(2025, 11, 2, 8, 0, 0, DateTimeKind.Utc).AddMinutes((member * 3) + (version * 600)),
            Size = 40_000,
            Status = member % 5 == 0 ? SubmissionStatus.AcceptedWithWarnings : SubmissionStatus.Accepted,
            Campaign = Campaign,
            Version = version,
            Siren = siren,
            MemberName = name,
            Data = new MemberData(organisation, sites, people, references),
            Issues = member % 5 == 0
                ? [IssueCatalog.Create(IssueCodes.PhoneFormat, sheet: "Organisme", row: 14, column: "Téléphone du contact", value: "01 02")]
                : [],
        };
    }

    public static List<Submission> Members(int count) => [.. Enumerable.Range(1, count).Select(i => Member(i))];

    public static NetworkRoster Roster(IEnumerable<Submission> members, params string[] extraSirens) => new(
        new NetworkHead("Réseau Numérique Solidaire", "732829320", Campaign, true, "Jeanne Martin"),
        [
            .. members.Select((s, i) => new RosterMember(2 + i, s.Siren!, s.MemberName, true, new DateOnly(2025, 9, 1))),
            .. extraSirens.Select((siren, i) => new RosterMember(500 + i, siren, $"Membre attendu {i + 1}", true, null)),
        ]);

    public static MemberStatus StatusOf(Submission s) => new(
        s.Siren!, s.MemberName, s.FileName, s.ReceivedAtUtc, s.Status, s.Version,
        s.Issues.Count(i => i.Severity == Severity.Error), s.Issues.Count(i => i.Severity == Severity.Warning),
        s.Data?.Establishments.Count ?? 0, s.Data?.Intervenants.Count ?? 0);

    /// <summary>The input as the Worker builds it: current = latest accepted per SIREN; latest = latest whatever its
    /// status; versions for SIRENs with several files or a refused latest file.</summary>
    public static ConsolidationInput Input(IReadOnlyList<Submission> allFiles, NetworkRoster? roster = null)
    {
        var bySiren = allFiles.Where(s => s.Siren is not null).GroupBy(s => s.Siren!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Version).ToList(), StringComparer.Ordinal);
        var current = bySiren.Values
            .Select(v => v.LastOrDefault(s => s.Status is SubmissionStatus.Accepted or SubmissionStatus.AcceptedWithWarnings))
            .OfType<Submission>()
            .ToList();
        var latest = bySiren.Values.Select(v => StatusOf(v[^1])).ToList();
        var versions = bySiren
            .Where(p => p.Value.Count > 1 || p.Value[^1].Status == SubmissionStatus.Refused)
            .ToDictionary(p => p.Key, p => (IReadOnlyList<Submission>)[.. p.Value.Select(s => ConsolidationInput.HasSeveralNames(p.Value) ? s : s with { Data = null })], StringComparer.Ordinal);
        return new ConsolidationInput(Campaign, "Tête de réseau (configuration)", roster, current, latest, versions);
    }

    public static NetworkConsolidation Consolidate(IReadOnlyList<Submission> allFiles, NetworkRoster? roster = null, ConsolidationSettings? settings = null) =>
        NetworkConsolidator.Consolidate(Input(allFiles, roster), settings ?? new ConsolidationSettings());
}
