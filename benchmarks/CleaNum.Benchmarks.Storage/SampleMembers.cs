using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Benchmarks.Storage;

/// <summary>Deterministic generated submissions shaped like real member workbooks.</summary>
internal static class SampleMembers
{
    public static Submission Create(int member, int version, int establishments, int intervenants, int references, int issues)
    {
        string siren = (100_000_000 + member).ToString(CultureInfo.InvariantCulture)[1..].PadLeft(9, '0');
        string name = $"Organisme de formation n°{member}";
        string fileName = $"membre-{member}-v{version}.xlsx";
        var organisation = new MemberOrganisation
        {
            Name = name,
            Siren = siren,
            MainActivity = "Formation continue d'adultes",
            NafCode = "85.59A",
            Nda = "11755555575",
            Address = $"{member} rue de la République",
            PostalCode = "01000",
            City = "Bourg-en-Bresse",
            RegionCode = "84",
            Website = "https://example.org",
            CreationDate = new DateOnly(2001, 2, 3),
            EmployeeCount = 12,
            MainContact = new Contact("Marie Dupont", "marie.dupont@example.org", "0102030405"),
            BillingContact = new Contact("Compta", "compta@example.org", null),
            Qualiopi = true,
            QualiopiCertificate = "QUA-2024-001",
            QualiopiCertifier = "AFNOR",
            QualiopiExpiry = new DateOnly(2027, 12, 31),
            AlreadyHabilitated = false,
            EvaluatorCount = 3,
            TrainerCount = 4,
        };
        var data = new MemberData(
            organisation,
            [.. Enumerable.Range(0, establishments).Select(i => new Establishment(
                8 + i, $"{name} – site {i}", siren + (10_000 + i).ToString(CultureInfo.InvariantCulture)[1..],
                $"{i} avenue Jean Jaurès", "01000", "Bourg-en-Bresse", "84"))],
            [.. Enumerable.Range(0, intervenants).Select(i => new Intervenant(
                2 + i, $"Nom{i}", $"Prénom{i}", (IntervenantRole)(1 + (i % 3)), "Master ingénierie de formation",
                "10 ans de formation numérique", [CleaDomain.Environment, CleaDomain.Collaboration],
                "Évaluations CléA depuis 2019", 2015 + (i % 10), null))],
            [.. Enumerable.Range(0, references).Select(i => new Reference(
                2 + i, 2022 + (i % 3), $"Client {i}", "Demandeurs d'emploi", [CleaDomain.Information, CleaDomain.Security],
                20 + i, "Industrie; services", "Parcours CléA numérique"))]);
        return new Submission
        {
            FileName = fileName,
            Sha256 = Sha256Of($"{fileName}|{member}|{version}"),
            ReceivedAtUtc = new DateTime(2025, 11, 23, 8, 0, 0, DateTimeKind.Utc).AddSeconds(member),
            Size = 48_000 + member,
            Status = SubmissionStatus.AcceptedWithWarnings,
            Campaign = 2025,
            Siren = siren,
            MemberName = name,
            Data = data,
            Issues = [.. Enumerable.Range(0, issues).Select(i => new Issue(
                Severity.Warning, "POSTAL_REGION_MISMATCH", "Etablissements", 8 + i, "Code postal", "01000",
                "Le code postal ne correspond pas à la région déclarée.", "Vérifiez la région.") { CellAddress = "E" })],
        };
    }

    private static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
