namespace CleaNum.Core.Issues;

/// <summary>
/// The one catalogue of issue codes: default severity, French title and hint. Everything that creates an
/// <see cref="Issue"/> (reader, validators, consolidation) goes through <see cref="Create"/>.
/// </summary>
public static class IssueCatalog
{
    private const string SireneHint =
        "Vérifiez le numéro sur l'avis de situation Sirene (avis-situation-sirene.insee.fr) ou sur annuaire-entreprises.data.gouv.fr.";

    private static readonly Dictionary<string, IssueDefinition> All = Build(
        // File level
        new(IssueCodes.FileFormatUnsupported, Severity.Error, "Format de fichier non accepté",
            "Enregistrez le fichier au format Excel (.xlsx) puis déposez-le à nouveau (les fichiers .ods, .csv ou .pdf ne sont pas lus)."),
        new(IssueCodes.FileUnreadable, Severity.Error, "Fichier illisible",
            "Ouvrez le fichier dans Excel pour vérifier qu'il n'est pas endommagé, enregistrez-le au format Excel (.xlsx) puis déposez-le à nouveau."),
        new(IssueCodes.FileEncrypted, Severity.Error, "Fichier protégé par mot de passe",
            "Retirez le mot de passe (Fichier > Informations > Protéger le classeur), enregistrez puis déposez le fichier à nouveau."),
        new(IssueCodes.FileTooLarge, Severity.Error, "Fichier trop volumineux",
            "Supprimez les lignes vides, les images et les feuilles inutiles, ou repartez du modèle fourni par la tête de réseau."),
        new(IssueCodes.SheetMissing, Severity.Error, "Feuille absente",
            "Repartez du modèle fourni par la tête de réseau : il contient les feuilles Organisme, Etablissements, Intervenants et References. Ne renommez pas les feuilles."),
        new(IssueCodes.ColumnMissing, Severity.Error, "Colonne absente",
            "Rétablissez la colonne avec son intitulé d'origine (voir le modèle fourni par la tête de réseau) ; ne supprimez ni ne renommez les colonnes."),
        new(IssueCodes.FileDuplicate, Severity.Info, "Fichier déjà reçu",
            "Ce fichier est identique à un dépôt précédent : inutile de le déposer à nouveau. Déposez un nouveau fichier seulement après l'avoir corrigé."),

        // Row level
        new(IssueCodes.Required, Severity.Error, "Valeur obligatoire manquante",
            "Renseignez cette case : elle est obligatoire pour la demande d'habilitation."),
        new(IssueCodes.SirenFormat, Severity.Error, "SIREN mal formé",
            "Le SIREN compte 9 chiffres (les espaces sont acceptés). " + SireneHint),
        new(IssueCodes.SirenChecksum, Severity.Error, "SIREN invalide (clé de contrôle)",
            "Un chiffre est probablement erroné ou inversé. " + SireneHint),
        new(IssueCodes.SiretFormat, Severity.Error, "SIRET mal formé",
            "Le SIRET compte 14 chiffres : les 9 du SIREN puis les 5 du NIC (les espaces sont acceptés). " + SireneHint),
        new(IssueCodes.SiretChecksum, Severity.Error, "SIRET invalide (clé de contrôle)",
            "Un chiffre est probablement erroné ou inversé. " + SireneHint),
        new(IssueCodes.SiretIsSiren, Severity.Error, "SIREN saisi à la place du SIRET",
            "Saisissez le SIRET à 14 chiffres de l'établissement (SIREN + NIC), même si l'en-tête du formulaire indique « SIRET (9 chiffres) ». " + SireneHint),
        new(IssueCodes.IdentifierPrecisionLost, Severity.Error, "Numéro arrondi par Excel",
            "Mettez la colonne au format Texte (clic droit > Format de cellule > Texte) puis ressaisissez le numéro complet, ou tapez-le précédé d'une apostrophe (')."),
        new(IssueCodes.SiretSirenMismatch, Severity.Error, "SIRET d'un autre SIREN",
            "Une habilitation couvre un seul SIREN : ne déclarez que les établissements dont le SIRET commence par le SIREN de l'organisme, ou vérifiez le SIREN de la feuille Organisme."),
        new(IssueCodes.SiretDuplicate, Severity.Error, "SIRET en double",
            "Chaque site ne doit figurer qu'une fois : supprimez la ligne en double, corrigez le SIRET, ou indiquez l'adresse du second site s'il s'agit d'un autre lieu."),
        new(IssueCodes.PostalCodeFormat, Severity.Error, "Code postal mal formé",
            "Le code postal compte 5 chiffres (par exemple 01000 ou 75008)."),
        new(IssueCodes.PostalCodeUnknown, Severity.Warning, "Code postal inconnu de La Poste",
            "Vérifiez le code postal sur laposte.fr ; pour un code CEDEX, indiquez plutôt le code postal géographique de la commune."),
        new(IssueCodes.RegionUnknown, Severity.Error, "Région non reconnue",
            "Indiquez l'une des 18 régions actuelles (par exemple Auvergne-Rhône-Alpes, Nouvelle-Aquitaine, Grand Est), ou laissez la case vide dans la feuille Etablissements."),
        new(IssueCodes.RegionMismatch, Severity.Warning, "Région différente de celle du code postal",
            "Vérifiez le code postal et la région ; dans la feuille Etablissements, vous pouvez laisser la région vide : elle sera déduite du code postal."),
        new(IssueCodes.NafFormat, Severity.Error, "Code NAF mal formé",
            "Le code NAF (APE) a la forme 85.59A : deux chiffres, un point, deux chiffres, une lettre. Il figure sur l'avis de situation Sirene (avis-situation-sirene.insee.fr)."),
        new(IssueCodes.NafUnusual, Severity.Warning, "Code NAF inhabituel pour un organisme de formation",
            "Vérifiez le code NAF sur l'avis de situation Sirene (avis-situation-sirene.insee.fr) ; s'il est exact, aucune correction n'est nécessaire."),
        new(IssueCodes.NdaFormat, Severity.Error, "Numéro de déclaration d'activité mal formé",
            "Le numéro de déclaration d'activité compte 11 chiffres ; il figure sur le récépissé de la DREETS et sur la Liste publique des organismes de formation (data.gouv.fr)."),
        new(IssueCodes.NdaRegionMismatch, Severity.Warning, "Numéro de déclaration d'activité d'une autre région",
            "Vérifiez le numéro sur le récépissé de la DREETS ; après un déménagement, le numéro d'origine reste valable : aucune correction n'est alors nécessaire."),
        new(IssueCodes.EmailFormat, Severity.Error, "Adresse électronique invalide",
            "Saisissez une seule adresse de la forme prenom.nom@organisme.fr, sans espace."),
        new(IssueCodes.PhoneFormat, Severity.Warning, "Numéro de téléphone invalide",
            "Saisissez un numéro français à 10 chiffres (04 78 12 34 56) ou au format international (+33 4 78 12 34 56)."),
        new(IssueCodes.UrlFormat, Severity.Warning, "Adresse de site web invalide",
            "Saisissez l'adresse complète du site, par exemple https://www.organisme.fr."),
        new(IssueCodes.DateFormat, Severity.Error, "Date non reconnue",
            "Saisissez la date au format jj/mm/aaaa (par exemple 30/06/2027)."),
        new(IssueCodes.NumberFormat, Severity.Error, "Nombre non reconnu",
            "Saisissez un nombre entier positif ou nul, en chiffres et sans texte (par exemple 3)."),
        new(IssueCodes.RoleUnknown, Severity.Error, "Rôle non reconnu",
            "Choisissez Évaluateur, Formateur ou Évaluateur et formateur dans la liste déroulante."),
        new(IssueCodes.DomainUnknown, Severity.Error, "Domaine CléA numérique non reconnu",
            "Indiquez les numéros des domaines couverts, de 1 à 4, séparés par « ; » (par exemple 1;2;4)."),
        new(IssueCodes.YearInvalid, Severity.Error, "Année invalide",
            "Saisissez une année sur 4 chiffres, comprise entre 1990 et l'année de la campagne."),
        new(IssueCodes.QualiopiMissing, Severity.Warning, "Organisme non certifié Qualiopi",
            "La certification Qualiopi est attendue pour l'habilitation : si l'organisme est certifié, indiquez « Oui » et renseignez le numéro de certificat, le certificateur et la date d'expiration."),
        new(IssueCodes.QualiopiExpired, Severity.Error, "Certificat Qualiopi expiré avant la date limite",
            "Vérifiez la date d'expiration sur le certificat Qualiopi en cours de validité ; s'il a été renouvelé, indiquez le nouveau numéro et la nouvelle date."),
        new(IssueCodes.IntervenantStatusMissing, Severity.Warning, "Statut de l'intervenant non renseigné",
            "Certif Pro demande que chaque CV précise le statut de la personne : choisissez Salarié, Indépendant, Sous-traitant, Bénévole ou Autre dans la liste déroulante de la colonne Statut."),
        new(IssueCodes.ActivityInconsistent, Severity.Warning, "Chiffres clés incohérents",
            "Pour une même année, le nombre de personnes certifiées ne peut dépasser celui des évaluations finales, ni celui des évaluations finales celui des évaluations préalables : vérifiez les chiffres de la feuille Activite."),

        // Member level
        new(IssueCodes.CvEvaluatorMissing, Severity.Error, "Aucun CV d'évaluateur",
            "Ajoutez dans la feuille Intervenants au moins une personne avec le rôle Évaluateur (ou Évaluateur et formateur)."),
        new(IssueCodes.CvTrainerMissing, Severity.Error, "Aucun CV de formateur",
            "Ajoutez dans la feuille Intervenants au moins une personne avec le rôle Formateur (ou Évaluateur et formateur)."),
        new(IssueCodes.HrCountInconsistent, Severity.Error, "Effectifs mobilisables incohérents",
            "Dans la feuille Organisme, le nombre d'évaluateurs (de formateurs) mobilisables doit être au moins égal au nombre de CV fournis pour ce rôle dans la feuille Intervenants, et supérieur à zéro."),
        new(IssueCodes.MemberNotInRoster, Severity.Warning, "Organisme absent de la liste du réseau",
            "Vérifiez le SIREN de la feuille Organisme ; s'il est exact, demandez à la tête de réseau de vous ajouter à sa liste des membres."),
        new(IssueCodes.MandateMissing, Severity.Error, "Lettre de mandat non reçue",
            "Envoyez à la tête de réseau la lettre de mandat signée par le représentant légal de l'organisme."),

        // Network level
        new(IssueCodes.SirenConflict, Severity.Error, "Même SIREN déclaré sous deux noms",
            "Deux fichiers déclarent ce SIREN avec des raisons sociales différentes : vérifiez le SIREN de chaque fichier et retirez celui qui est erroné."),
        new(IssueCodes.SiretDuplicateNetwork, Severity.Error, "SIRET déclaré par deux membres",
            "Un établissement ne peut être déclaré que par un seul membre : vérifiez le SIRET auprès des deux organismes concernés."),
        new(IssueCodes.CvSampleInsufficient, Severity.Error, "Échantillon de CV insuffisant",
            "Demandez aux membres des CV supplémentaires d'évaluateurs et de formateurs pour atteindre 10 % des intervenants mobilisables du réseau."),
        new(IssueCodes.MemberMissing, Severity.Warning, "Membre sans fichier",
            "Relancez ce membre : il figure dans la liste du réseau mais n'a déposé aucun fichier."));

    public static IReadOnlyDictionary<string, IssueDefinition> Definitions => All;

    public static IssueDefinition Get(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return All.TryGetValue(code, out IssueDefinition? definition)
            ? definition
            : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown issue code");
    }

    /// <summary>
    /// Builds an issue with the code's default severity (unless <paramref name="severity"/> is given), the given French
    /// message (or the code's title when null) and the code's default hint (unless <paramref name="hint"/> is given).
    /// </summary>
    public static Issue Create(
        string code,
        string? message = null,
        string? sheet = null,
        int? row = null,
        string? column = null,
        string? value = null,
        string? hint = null,
        string? cellAddress = null,
        Severity? severity = null)
    {
        IssueDefinition definition = Get(code);
        return new Issue(
            severity ?? definition.DefaultSeverity,
            definition.Code,
            sheet,
            row,
            column,
            value,
            string.IsNullOrWhiteSpace(message) ? definition.Title : message,
            hint ?? definition.Hint)
        {
            CellAddress = cellAddress,
        };
    }

    private static Dictionary<string, IssueDefinition> Build(params IssueDefinition[] definitions) =>
        definitions.ToDictionary(d => d.Code, StringComparer.Ordinal);
}
