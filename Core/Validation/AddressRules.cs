using CleaNum.Core.Geography;
using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;

namespace CleaNum.Core.Validation;

/// <summary>
/// Postal code ↔ région checks shared by <c>Organisme</c> and <c>Etablissements</c> (POSTAL_CODE_UNKNOWN,
/// REGION_UNKNOWN, REGION_MISMATCH and, for <c>Organisme</c>, REQUIRED on an empty région).
/// A postal code of Monaco, Saint-Barthélemy, Saint-Martin or Saint-Pierre-et-Miquelon (no région) gives a
/// REGION_MISMATCH warning on the Région column whatever the région says, because no région can match it.
/// </summary>
internal static class AddressRules
{
    /// <summary>What the postal code of the record says, when it is 5 digits; null otherwise.</summary>
    public static (string PostalCode, PostalCodeInfo? Info)? Locate(SheetRecord record, string postalKey)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.TryParse(postalKey, out string postalCode)
            ? (postalCode, FrenchGeography.LookupPostalCode(postalCode))
            : null;
    }

    public static IEnumerable<Issue> CheckPostalCode(SheetRecord record, string postalKey)
    {
        if (Locate(record, postalKey) is not { } located)
        {
            yield break;
        }

        (string postalCode, PostalCodeInfo? info) = located;
        if (info is null)
        {
            yield return record.Issue(
                IssueCodes.PostalCodeUnknown,
                postalKey,
                $"Le code postal {postalCode} ne figure pas dans la base officielle de La Poste et ne correspond à aucun département : aucune région ne peut en être déduite.",
                postalCode);
        }
        else if (!info.InBaseOfficielle)
        {
            string derived = info.Regions.Count > 0
                ? $"région déduite du département {string.Join(" / ", info.DepartementCodes)} : {Names(info.Regions)}"
                : "aucune région ne peut en être déduite";
            yield return record.Issue(
                IssueCodes.PostalCodeUnknown,
                postalKey,
                $"Le code postal {postalCode} ne figure pas dans la base officielle de La Poste (code CEDEX ?) ; {derived}.",
                postalCode);
        }
    }

    public static IEnumerable<Issue> CheckRegion(SheetRecord record, string postalKey, string regionKey, bool regionRequired)
    {
        ArgumentNullException.ThrowIfNull(record);
        PostalCodeInfo? info = Locate(record, postalKey)?.Info;
        string? text = record.Text(regionKey);
        if (text is null)
        {
            if (info?.Territory is { } territory)
            {
                yield return TerritoryIssue(record, regionKey, info, territory, null);
            }
            else if (regionRequired && record.IsFound(regionKey))
            {
                yield return record.Issue(IssueCodes.Required, regionKey, IssueMessages.Required(record.Field(regionKey)));
            }

            yield break;
        }

        RegionMatch match = MatchRegion(text);
        if (match.Region is null)
        {
            string? hint = match is { FormerRegionName: { } former, SuccessorRegion: { } successor }
                ? $"« {former} » est une ancienne région : depuis 2016 elle fait partie de la région « {successor.Name} ». Indiquez « {successor.Name} »."
                : null;
            string message = match.FormerRegionName is null
                ? $"« {text} » n'est pas l'une des 18 régions."
                : $"« {text} » est une région qui n'existe plus depuis 2016.";
            yield return record.Issue(IssueCodes.RegionUnknown, regionKey, message, text, hint);
            yield break;
        }

        if (info is null)
        {
            yield break;
        }

        if (info.Territory is { } place && info.Regions.Count == 0)
        {
            yield return TerritoryIssue(record, regionKey, info, place, text);
        }
        else if (info.Regions.Count > 0 && !info.Regions.Any(r => r.Code == match.Region.Code))
        {
            yield return record.Issue(
                IssueCodes.RegionMismatch,
                regionKey,
                $"La région « {text} » ne correspond pas au code postal {info.PostalCode}, situé en {Names(info.Regions)}.",
                text);
        }
    }

    /// <summary>The région to store: the postal code's (<see cref="SiteRegion"/>, annex.md « What counts »); the
    /// declared one only when the postal code says nothing or names two régions including it. A disagreement is the
    /// REGION_MISMATCH warning of <see cref="CheckRegion"/>, never a région copied into the dossier.</summary>
    public static string? RegionCode(SheetRecord record, string postalKey, string regionKey)
    {
        ArgumentNullException.ThrowIfNull(record);
        string? declared = record.Text(regionKey) is { } text && MatchRegion(text).Region is { } region ? region.Code : null;
        return SiteRegion.Of(Locate(record, postalKey)?.PostalCode, declared);
    }

    /// <summary>
    /// <see cref="FrenchGeography.MatchRegion"/>, also through a trailing parenthesised hint (« Auvergne-Rhône-Alpes (ARA) »)
    /// and through a « / » between two names of one région (« Occitanie / Pyrénées-Méditerranée »).
    /// </summary>
    public static RegionMatch MatchRegion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RegionMatch match = FrenchGeography.MatchRegion(text);
        if (match.Region is not null)
        {
            return match;
        }

        string trimmed = text.Trim();
        if (trimmed.EndsWith(')') && trimmed.LastIndexOf('(') is > 0 and int open
            && FrenchGeography.MatchRegion(trimmed[..open]) is { Region: not null } withoutHint)
        {
            return withoutHint;
        }

        Region[] parts = [.. trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => FrenchGeography.MatchRegion(part).Region)
            .OfType<Region>()];
        return parts.Length > 0 && parts.All(r => r.Code == parts[0].Code) && trimmed.Contains('/', StringComparison.Ordinal)
            ? new RegionMatch(parts[0], null, null)
            : match;
    }

    public static string Names(IEnumerable<Region> regions) => string.Join(" ou ", regions.Select(r => r.Name));

    private static Issue TerritoryIssue(SheetRecord record, string regionKey, PostalCodeInfo info, string territory, string? declared) =>
        record.Issue(
            IssueCodes.RegionMismatch,
            regionKey,
            declared is null
                ? $"Le code postal {info.PostalCode} est celui de {territory}, qui n'appartient à aucune région : l'adresse ne peut être rattachée à aucune région."
                : $"Le code postal {info.PostalCode} est celui de {territory}, qui n'appartient à aucune région : la région « {declared} » ne peut pas lui correspondre.",
            declared,
            "Vérifiez le code postal ; s'il est exact, aucune correction n'est possible : signalez-le à la tête de réseau.");
}
