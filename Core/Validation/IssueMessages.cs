using System.Globalization;
using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>The French messages of the validators: each quotes the value the member typed.</summary>
internal static class IssueMessages
{
    public static readonly CultureInfo French = FrenchCulture.Instance;

    public static string Required(FieldDefinition field) => $"La case « {field.Label} » est obligatoire et n'est pas renseignée.";

    /// <summary>REQUIRED, naming the formula error (« #N/A »…) the cell shows instead of a value when there is one.</summary>
    public static string Required(FieldDefinition field, string? formulaError) => formulaError is null
        ? Required(field)
        : $"La case « {field.Label} » est obligatoire mais affiche l'erreur de formule « {formulaError} » au lieu d'une valeur : corrigez la formule ou saisissez la valeur elle-même.";

    /// <summary>The message of a parser failure on <paramref name="field"/> whose text is <paramref name="value"/>.</summary>
    public static string ForParse(string code, FieldDefinition field, string value, string? detail)
    {
        string? extra = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim().TrimEnd('.');
        return code switch
        {
            IssueCodes.Required => $"« {value} » n'est pas une réponse reconnue pour « {field.Label} » : indiquez Oui ou Non.",
            IssueCodes.SirenFormat => $"Le SIREN « {value} » est mal formé ({extra ?? "9 chiffres attendus"}).",
            IssueCodes.SirenChecksum => $"Le SIREN {Identifier(value, 9)} est invalide (clé de contrôle).",
            IssueCodes.SiretFormat => $"Le SIRET « {value} » est mal formé ({extra ?? "14 chiffres attendus"}).",
            IssueCodes.SiretChecksum => $"Le SIRET {Identifier(value, 14)} est invalide (clé de contrôle).",
            IssueCodes.SiretIsSiren =>
                $"« {value} » compte 9 chiffres : c'est un SIREN, pas un SIRET. Le SIRET d'un établissement compte 14 chiffres "
                + "(les 9 du SIREN suivis des 5 du NIC), même si l'en-tête du formulaire officiel indique « SIRET (9 chiffres) ».",
            IssueCodes.IdentifierPrecisionLost =>
                $"La case « {field.Label} » contient « {value} », un nombre arrondi par Excel : le numéro exact est perdu.",
            IssueCodes.PostalCodeFormat => $"Le code postal « {value} » est mal formé : il doit compter 5 chiffres.",
            IssueCodes.NafFormat => $"Le code NAF « {value} » n'a pas la forme attendue NN.NNL (par exemple 85.59A).",
            IssueCodes.NdaFormat => $"Le numéro de déclaration d'activité « {value} » est mal formé ({extra ?? "11 chiffres attendus"}).",
            IssueCodes.EmailFormat => $"L'adresse électronique « {value} » (case « {field.Label} ») n'est pas valide.",
            IssueCodes.PhoneFormat => $"Le numéro de téléphone « {value} » (case « {field.Label} ») n'est pas valide ({extra ?? "numéro français à 10 chiffres ou +33 attendu"}).",
            IssueCodes.UrlFormat => $"L'adresse de site web « {value} » n'est pas valide ({extra ?? "adresse de la forme https://www.organisme.fr attendue"}).",
            IssueCodes.DateFormat => $"« {value} » n'est pas une date reconnue pour « {field.Label} » (format attendu jj/mm/aaaa).",
            IssueCodes.NumberFormat => $"« {value} » n'est pas un nombre entier positif ou nul pour « {field.Label} ».",
            IssueCodes.RoleUnknown => $"Le rôle « {value} » n'est pas reconnu : indiquez Évaluateur, Formateur ou Évaluateur et formateur.",
            IssueCodes.DomainUnknown => extra is null || extra == $"« {value} »"
                ? $"Les domaines « {value} » ne sont pas reconnus : indiquez des numéros de 1 à 4 séparés par « ; »."
                : $"Les domaines « {value} » ne sont pas reconnus (valeur en cause : {extra}) : indiquez des numéros de 1 à 4 séparés par « ; ».",
            IssueCodes.YearInvalid => $"« {value} » n'est pas une année valide pour « {field.Label} »{(extra is null ? "" : $" ({extra})")}.",
            _ => $"La valeur « {value} » de la case « {field.Label} » n'est pas valide{(extra is null ? "" : $" ({extra})")}.",
        };
    }

    /// <summary>"732 829 320 00079" when <paramref name="value"/> compacts to <paramref name="length"/> digits, else the value quoted.</summary>
    public static string Identifier(string value, int length)
    {
        string compact = new([.. value.Where(char.IsAsciiDigit)]);
        if (compact.Length != length || compact.Length != value.Count(char.IsAsciiLetterOrDigit))
        {
            return $"« {value} »";
        }

        return length == 9 ? Siren.Format(compact) : Siret.Format(compact);
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
