using CleaNum.Core.Geography;
using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;
using Org = CleaNum.Core.Workbook.MemberWorkbookSchema.Org;

namespace CleaNum.Core.Validation;

/// <summary>Rules of the <c>Organisme</c> form sheet.</summary>
internal sealed class OrganisationValidator : SheetRecordValidator<OrganisationRecord>
{
    /// <summary>Pre-2016 INSEE région codes (used by older NDAs) → the current région that absorbed them.</summary>
    private static readonly Dictionary<string, string> NdaRegionCodes = new(StringComparer.Ordinal)
    {
        ["01"] = "01", ["02"] = "02", ["03"] = "03", ["04"] = "04", ["06"] = "06",
        ["11"] = "11", ["24"] = "24", ["27"] = "27", ["28"] = "28", ["32"] = "32", ["44"] = "44", ["52"] = "52",
        ["53"] = "53", ["75"] = "75", ["76"] = "76", ["84"] = "84", ["93"] = "93", ["94"] = "94",
        ["21"] = "44", ["22"] = "32", ["23"] = "28", ["25"] = "28", ["26"] = "27", ["31"] = "32", ["41"] = "44",
        ["42"] = "44", ["43"] = "27", ["54"] = "75", ["72"] = "75", ["73"] = "76", ["74"] = "75", ["82"] = "84",
        ["83"] = "84", ["91"] = "76",
    };

    public OrganisationValidator()
        : base(MemberWorkbookSchema.Organisme, customRequired: [Org.Region])
    {
        IssueRule(Org.PostalCode, (r, _) => AddressRules.CheckPostalCode(r, Org.PostalCode));
        IssueRule(Org.Region, (r, _) => AddressRules.CheckRegion(r, Org.PostalCode, Org.Region, regionRequired: true));

        FixedRule(
            Org.Naf,
            IssueCodes.NafUnusual,
            r => !r.TryParse(Org.Naf, out string naf) || IsTrainingRelated(naf),
            r => $"Le code NAF {Naf(r)} ne correspond pas à une activité de formation (85.xx enseignement, 70.22Z conseil, 78.xx emploi, 88.99B action sociale) : vérifiez-le.",
            value: Naf);

        IssueRule(Org.Nda, (r, _) => CheckNdaRegion(r));

        FixedRule(
            Org.Qualiopi,
            IssueCodes.QualiopiMissing,
            r => !r.TryParse(Org.Qualiopi, out bool qualiopi) || qualiopi,
            _ => "L'organisme déclare ne pas être certifié Qualiopi (réponse « Non »).");

        foreach (string key in (string[])[Org.QualiopiCertificate, Org.QualiopiCertifier, Org.QualiopiExpiry])
        {
            RequiredRule(
                key,
                when: IsQualiopiCertified,
                message: r => $"La case « {r.Field(key).Label} » est obligatoire lorsque la certification Qualiopi est « Oui ».");
        }

        FixedRule(
            Org.QualiopiExpiry,
            IssueCodes.QualiopiExpired,
            r => !r.TryParse(Org.QualiopiExpiry, out DateOnly expiry)
                 || expiry >= r.Settings.SubmissionDeadline
                 || (r.TryParse(Org.Qualiopi, out bool certified) && !certified),
            r => $"Le certificat Qualiopi expire le {Expiry(r)}, avant la date limite de dépôt du {IssueMessages.Date(r.Settings.SubmissionDeadline)}.");
    }

    public static bool IsQualiopiCertified(OrganisationRecord record) =>
        record.TryParse(Org.Qualiopi, out bool qualiopi) && qualiopi;

    /// <summary>85.xx, 70.22Z, 78.xx, 88.99B, and their NAF 2025 counterparts (85.xx, 78.xx, 70.20x, 88.99x other than 88.99A).</summary>
    public static bool IsTrainingRelated(string naf) =>
        naf.StartsWith("85.", StringComparison.Ordinal)
        || naf.StartsWith("78.", StringComparison.Ordinal)
        || naf.StartsWith("70.22", StringComparison.Ordinal)
        || naf.StartsWith("70.20", StringComparison.Ordinal)
        || (naf.StartsWith("88.99", StringComparison.Ordinal) && !naf.Equals("88.99A", StringComparison.Ordinal));

    private static string Naf(OrganisationRecord r) => r.TryParse(Org.Naf, out string naf) ? naf : r.Text(Org.Naf) ?? "";

    private static string Expiry(OrganisationRecord r) =>
        r.TryParse(Org.QualiopiExpiry, out DateOnly expiry) ? IssueMessages.Date(expiry) : r.Text(Org.QualiopiExpiry) ?? "";

    /// <summary>NDA = RR DD SSSSS DD: région (current or pre-2016 INSEE code) and département of the declaration.</summary>
    private static IEnumerable<Issue> CheckNdaRegion(OrganisationRecord r)
    {
        if (!r.TryParse(Org.Nda, out string nda) || nda.Length != 11
            || AddressRules.Locate(r, Org.PostalCode)?.Info is not { DepartementCodes.Count: > 0 } info)
        {
            yield break;
        }

        string regionDigits = nda[..2];
        string departementDigits = nda[2..4];
        bool departementOk = info.DepartementCodes.Any(d => DepartementDigits(d) == departementDigits);
        bool regionOk = !NdaRegionCodes.TryGetValue(regionDigits, out string? regionCode)
                        || info.Regions.Count == 0
                        || info.Regions.Any(x => x.Code == regionCode);
        if (departementOk && regionOk)
        {
            yield break;
        }

        string declared = regionCode is not null && FrenchGeography.Regions.FirstOrDefault(x => x.Code == regionCode) is { } region
            ? $"la région {region.Name} (code {regionDigits}) et le département {departementDigits}"
            : $"le département {departementDigits}";
        string actual = info.Regions.Count > 0
            ? $"{AddressRules.Names(info.Regions)} (département {string.Join(" / ", info.DepartementCodes)})"
            : $"le département {string.Join(" / ", info.DepartementCodes)}";
        string formatted = $"{nda[..2]} {nda[2..4]} {nda[4..9]} {nda[9..]}";
        yield return r.Issue(
            IssueCodes.NdaRegionMismatch,
            Org.Nda,
            $"Le numéro de déclaration d'activité {formatted} a été délivré pour {declared}, mais l'adresse de l'organisme (code postal {info.PostalCode}) est en {actual}.",
            nda);
    }

    /// <summary>The two NDA digits of a département: "69" → "69", "2A" → "20", "974" → "97".</summary>
    private static string DepartementDigits(string departement) =>
        departement.StartsWith('2') && departement.Length == 2 && char.IsAsciiLetter(departement[1]) ? "20" : departement[..2];
}
