using CleaNum.Core.Domain;
using CleaNum.Core.Geography;

namespace CleaNum.Export.Template;

/// <summary>The values offered by the template's drop-downs (written on the hidden sheet <c>Listes</c>).</summary>
internal static class TemplateLists
{
    public const string VersionLabel = "Version du modèle";

    public static IReadOnlyList<string> Regions { get; } =
        [.. FrenchGeography.Regions.Select(r => r.Name).Order(StringComparer.Create(FrenchText.Culture, ignoreCase: true))];

    public static IReadOnlyList<string> Roles { get; } = ["Évaluateur", "Formateur", "Évaluateur et formateur"];

    public static IReadOnlyList<string> YesNo { get; } = ["Oui", "Non"];

    /// <summary>The four CléA numérique domains as the member-workbook spec words them.</summary>
    public static IReadOnlyList<(CleaDomain Domain, string Label)> Domains { get; } =
    [
        (CleaDomain.Environment, "Identifier son environnement et utiliser les outils associés"),
        (CleaDomain.Information, "Acquérir et exploiter de l'information dans un environnement professionnel numérisé"),
        (CleaDomain.Collaboration, "Interagir en mode collaboratif"),
        (CleaDomain.Security, "Appliquer les règles et bonnes pratiques de la sécurité numérique"),
    ];

    /// <summary>"1 - Identifier son environnement…" for each domain.</summary>
    public static IEnumerable<string> DomainLines => Domains.Select(d => $"{(int)d.Domain} - {d.Label}");

    public const string DomainsMultipleHint = "Plusieurs domaines : numéros séparés par ; (ex. 1;2;4).";
}
