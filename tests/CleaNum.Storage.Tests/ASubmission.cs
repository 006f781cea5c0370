using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Storage.Tests;

/// <summary>Test data: a full submission with every kind of value, then variations with <c>with</c>.</summary>
internal static class ASubmission
{
    public static Submission Full(string siren = "005720784", string? sha256 = null) => new()
    {
        FileName = "CleANum-ACME.xlsx",
        Sha256 = sha256 ?? NewSha256(),
        ReceivedAtUtc = new DateTime(2025, 11, 23, 9, 15, 42, 123, DateTimeKind.Utc),
        Size = 48_213,
        Status = SubmissionStatus.AcceptedWithWarnings,
        Campaign = 2025,
        Siren = siren,
        MemberName = "ACME Formation",
        Data = new MemberData(
            new MemberOrganisation
            {
                Name = "ACME Formation",
                Siren = siren,
                MainActivity = "Formation continue",
                NafCode = "85.59A",
                Nda = "01234567890",
                Address = "1 rue de l'Église",
                PostalCode = "01000",
                City = "Bourg-en-Bresse",
                RegionCode = "84",
                Website = "https://acme.example",
                CreationDate = new DateOnly(1999, 2, 28),
                EmployeeCount = 0,
                MainContact = new Contact("Zoé Dupont", "zoe@acme.example", "0102030405"),
                BillingContact = new Contact(null, null, null),
                Qualiopi = true,
                QualiopiCertificate = "Q-001",
                QualiopiCertifier = "AFNOR",
                QualiopiExpiry = new DateOnly(2027, 1, 31),
                AlreadyHabilitated = false,
                HabilitationPeriod = null,
                FirstCleaNumeriqueRequest = true,
                CleaHabilitated = true,
                CleaPeriod = "2019-2025 (renouvelée en 2023) — « détails »",
                CleaManagementHabilitated = false,
                CleaManagementPeriod = null,
                EvaluatorCount = 2,
                TrainerCount = null,
                ReferencesSummary = "Résumé",
                Specificities = "Public en situation de handicap",
            },
            [
                new Establishment(8, "ACME Ain", "00572078400013", "2 place Carriat", "01000", "Bourg-en-Bresse", "84"),
                new Establishment(9, "ACME Corse", "00572078400021", null, "20000", "Ajaccio", null),
            ],
            [
                new Intervenant(2, "Martin", "Léa", IntervenantRole.Both, "Master", "10 ans",
                    [CleaDomain.Environment, CleaDomain.Collaboration], "CléA depuis 2019", 2019, "00572078400013") { Status = "Salarié" },
                new Intervenant(3, "Durand", "Paul", IntervenantRole.Trainer, null, null, [], null, null, null) { Status = "vacataire" },
                new Intervenant(4, "Petit", "Ana", IntervenantRole.None, null, null, [CleaDomain.Security], null, 2020, null),
            ],
            [
                new Reference(2, 2024, "Pôle emploi", "Demandeurs d'emploi",
                    [CleaDomain.Information, CleaDomain.Security], 35, "Industrie", "Parcours CléA")
                {
                    ClientContact = "M. Roche, 04 72 00 00 00", Topic = "Évaluations CléA numérique", ServiceDate = "mars 2024",
                },
                new Reference(3, null, null, null, [], null, null, null),
            ])
        {
            Activity = [new ActivityYear(3, 2023, 40, 38, 30, 28), new ActivityYear(4, 2024, null, 12, null, null)],
        },
        Issues =
        [
            new Issue(Severity.Warning, "POSTAL_REGION_MISMATCH", "Etablissements", 9, "Code postal", "20000",
                "Le code postal ne correspond pas à la région.", "Vérifiez la région.") { CellAddress = "E" },
            new Issue(Severity.Info, "FILE_OLD_FORMAT", null, null, null, null, "Ancien format (.xls).", null),
        ],
    };

    public static Submission Unreadable(string? sha256 = null) => new()
    {
        FileName = "illisible.xlsx",
        Sha256 = sha256 ?? NewSha256(),
        ReceivedAtUtc = new DateTime(2025, 11, 24, 10, 0, 0, DateTimeKind.Utc),
        Size = 12,
        Status = SubmissionStatus.Refused,
        Campaign = 2025,
        Issues = [new Issue(Severity.Error, "FILE_UNREADABLE", null, null, null, null, "Fichier illisible.", "Réenregistrez-le.")],
    };

    public static string NewSha256() =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()));
}
