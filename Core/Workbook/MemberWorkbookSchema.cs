namespace CleaNum.Core.Workbook;

/// <summary>
/// The member workbook of <c>shared/spec/member-workbook.md</c>: sheet names, French labels and the synonyms accepted
/// when reading. The template writer, the reader and the validators all use this one description.
/// </summary>
public static class MemberWorkbookSchema
{
    /// <summary>Name of the hidden sheet holding the drop-down lists and the template-version stamp.</summary>
    public const string ListsSheetName = "Listes";

    /// <summary>Name of the template's first sheet: how to fill the workbook in, no data.</summary>
    public const string InstructionsSheetName = "Instructions";

    /// <summary>The template's own sheets that hold no member data (help, drop-down lists): the reader does not read
    /// their cells, and no sheet of the schema is ever found in them.</summary>
    public static readonly IReadOnlySet<string> TemplateOnlySheetNames =
        new HashSet<string>([InstructionsSheetName, ListsSheetName], StringComparer.OrdinalIgnoreCase);

    /// <summary>Version of the template layout, stamped in the hidden list sheet.</summary>
    public const string TemplateVersion = "2026.2";

    public static class Keys
    {
        public const string Organisme = "organisme";
        public const string Etablissements = "etablissements";
        public const string Intervenants = "intervenants";
        public const string References = "references";
        public const string Activite = "activite";
    }

    /// <summary>Field keys of sheet <c>Organisme</c>.</summary>
    public static class Org
    {
        public const string Name = "raison_sociale";
        public const string Siren = "siren";
        public const string MainActivity = "activite_principale";
        public const string Naf = "code_naf";
        public const string Nda = "nda";
        public const string Address = "adresse";
        public const string PostalCode = "code_postal";
        public const string City = "ville";
        public const string Region = "region";
        public const string Website = "site_web";
        public const string CreationDate = "date_creation";
        public const string EmployeeCount = "nombre_salaries";
        public const string ContactName = "contact";
        public const string ContactEmail = "contact_courriel";
        public const string ContactPhone = "contact_telephone";
        public const string BillingName = "facturation";
        public const string BillingEmail = "facturation_courriel";
        public const string BillingPhone = "facturation_telephone";
        public const string Qualiopi = "qualiopi";
        public const string QualiopiCertificate = "qualiopi_certificat";
        public const string QualiopiCertifier = "qualiopi_certificateur";
        public const string QualiopiExpiry = "qualiopi_expiration";
        public const string FirstRequest = "premiere_demande";
        public const string AlreadyHabilitated = "deja_habilite";
        public const string HabilitationPeriod = "periode_habilitation";
        public const string CleaHabilitated = "habilite_clea";
        public const string CleaPeriod = "periode_clea";
        public const string CleaManagementHabilitated = "habilite_clea_management";
        public const string CleaManagementPeriod = "periode_clea_management";
        public const string EvaluatorCount = "nombre_evaluateurs";
        public const string TrainerCount = "nombre_formateurs";
        public const string References = "references";
        public const string Specificities = "specificites";
    }

    /// <summary>Field keys of sheet <c>Etablissements</c>.</summary>
    public static class Est
    {
        public const string Name = "raison_sociale";
        public const string Siret = "siret";
        public const string Address = "adresse";
        public const string PostalCode = "code_postal";
        public const string City = "ville";
        public const string Region = "region";
    }

    /// <summary>Field keys of sheet <c>Intervenants</c>.</summary>
    public static class Person
    {
        public const string LastName = "nom";
        public const string FirstName = "prenom";
        public const string Role = "role";
        public const string Diplomas = "diplomes";
        public const string ProfessionalExperience = "experiences_professionnelles";
        public const string Domains = "domaines";
        public const string EvaluationExperience = "experiences_evaluation";
        public const string Year = "annee";
        public const string Siret = "siret";
        public const string Status = "statut";
    }

    /// <summary>Field keys of sheet <c>References</c>.</summary>
    public static class Ref
    {
        public const string Year = "annee";
        public const string Client = "client";
        public const string ClientContact = "contact_client";
        public const string Topic = "theme";
        public const string Publics = "publics";
        public const string ServiceDate = "date_prestation";
        public const string Domains = "domaines";
        public const string PeopleEvaluated = "nombre_evalues";
        public const string Sectors = "secteurs";
        public const string Description = "description";
    }

    /// <summary>Field keys of sheet <c>Activite</c> (form 3.2 « Chiffres clés »).</summary>
    public static class Act
    {
        public const string Year = "annee";
        public const string Registered = "dossiers_inscrits";
        public const string PriorEvaluations = "evaluations_prealables";
        public const string FinalEvaluations = "evaluations_finales";
        public const string Certified = "personnes_certifiees";
    }

    /// <summary>The values of « Statut » (Intervenants) that INTERVENANT_STATUS_MISSING accepts, as written in the template.</summary>
    public static IReadOnlyList<string> IntervenantStatuses { get; } = ["Salarié", "Indépendant", "Sous-traitant", "Bénévole", "Autre"];

    private static FieldDefinition F(string key, string label, FieldFormat format, bool required, params string[] synonyms) =>
        new(key, label, format, required, synonyms);

    public static SheetDefinition Organisme { get; } = new(
        Keys.Organisme, "Organisme", SheetLayout.Form, Required: true, ["Organisme de formation", "Fiche organisme", "Identification"],
        [
            F(Org.Name, "Raison sociale", FieldFormat.Text, true, "Nom de l'organisme", "Nom", "Dénomination", "Dénomination sociale"),
            F(Org.Siren, "SIREN", FieldFormat.Siren, true, "N° SIREN", "Numéro SIREN", "SIREN de l'organisme") with { Hint = "9 chiffres" },
            F(Org.MainActivity, "Activité principale", FieldFormat.Text, false),
            F(Org.Naf, "Code NAF", FieldFormat.Naf, true, "Code APE", "NAF", "APE", "Code NAF APE", "Code APE NAF") with { Hint = "ex. 85.59A" },
            F(Org.Nda, "Numéro de déclaration d'activité", FieldFormat.Nda, true, "NDA", "N° de déclaration d'activité", "Numéro de déclaration d'activité NDA", "N° NDA", "Déclaration d'activité") with { Hint = "11 chiffres" },
            F(Org.Address, "Adresse postale", FieldFormat.Text, true, "Adresse"),
            F(Org.PostalCode, "Code postal", FieldFormat.PostalCode, true, "CP") with { Hint = "5 chiffres" },
            F(Org.City, "Ville", FieldFormat.Text, true, "Commune", "Localité"),
            F(Org.Region, "Région", FieldFormat.Region, true),
            F(Org.Website, "Site web", FieldFormat.Url, false, "Site internet", "Site", "URL"),
            F(Org.CreationDate, "Date de création", FieldFormat.Date, false) with { Hint = "jj/mm/aaaa" },
            F(Org.EmployeeCount, "Nombre de salariés", FieldFormat.Count, false, "Effectif", "Nb de salariés", "Nombre de salarié"),
            F(Org.ContactName, "Contact principal", FieldFormat.Text, true, "Contact", "Nom du contact", "Nom du contact principal"),
            F(Org.ContactEmail, "Courriel du contact", FieldFormat.Email, true, "Courriel", "E-mail du contact", "Email du contact", "Mail du contact", "Adresse électronique du contact", "Courriel du contact principal", "E-mail", "Email"),
            F(Org.ContactPhone, "Téléphone du contact", FieldFormat.Phone, true, "Téléphone", "Tél du contact", "Téléphone du contact principal", "Tel"),
            F(Org.BillingName, "Contact facturation", FieldFormat.Text, false, "Contact de facturation"),
            F(Org.BillingEmail, "Courriel facturation", FieldFormat.Email, false, "Courriel de facturation", "E-mail facturation", "Email facturation"),
            F(Org.BillingPhone, "Téléphone facturation", FieldFormat.Phone, false, "Téléphone de facturation", "Tél facturation"),
            F(Org.Qualiopi, "Certification Qualiopi", FieldFormat.YesNo, true, "Qualiopi", "Certifié Qualiopi") with { Hint = "Oui/Non" },
            F(Org.QualiopiCertificate, "N° de certificat Qualiopi", FieldFormat.Text, false, "Numéro de certificat Qualiopi", "Certificat Qualiopi"),
            F(Org.QualiopiCertifier, "Organisme certificateur", FieldFormat.Text, false, "Certificateur", "Organisme certificateur Qualiopi"),
            F(Org.QualiopiExpiry, "Date d'expiration Qualiopi", FieldFormat.Date, false, "Date d'expiration", "Expiration Qualiopi", "Date d'expiration du certificat") with { Hint = "jj/mm/aaaa" },
            F(Org.AlreadyHabilitated, "Déjà habilité CléA numérique", FieldFormat.YesNo, false, "Déjà habilité", "Déjà habilité CléA") with { Hint = "Oui/Non" },
            F(Org.HabilitationPeriod, "Période d'habilitation", FieldFormat.Text, false, "Période d'habilitation CléA numérique", "Période CléA numérique") with { Hint = "ex. 2019-2025" },
            F(Org.EvaluatorCount, "Nombre d'évaluateurs mobilisables", FieldFormat.Count, true, "Évaluateurs mobilisables", "Nb d'évaluateurs mobilisables", "Nombre d'évaluateurs"),
            F(Org.TrainerCount, "Nombre de formateurs mobilisables", FieldFormat.Count, true, "Formateurs mobilisables", "Nb de formateurs mobilisables", "Nombre de formateurs"),
            F(Org.References, "Références en lien avec l'activité CléA numérique", FieldFormat.Text, false, "Références", "Références de l'organisme"),
            F(Org.Specificities, "Spécificités de l'organisme", FieldFormat.Text, false, "Spécificités"),
            // Template 2026.2 (form 1.3): after the earlier fields, so that an earlier layout keeps its rows.
            F(Org.FirstRequest, "Première demande d'habilitation CléA numérique", FieldFormat.YesNo, false, "Première demande", "Première demande CléA numérique") with { Hint = "Oui/Non" },
            F(Org.CleaHabilitated, "Habilité CléA", FieldFormat.YesNo, false, "Habilitation CléA") with { Hint = "Oui/Non" },
            F(Org.CleaPeriod, "Période CléA", FieldFormat.Text, false, "Période d'habilitation CléA") with { Hint = "ex. 2019-2025" },
            F(Org.CleaManagementHabilitated, "Habilité CléA management", FieldFormat.YesNo, false, "Habilitation CléA management") with { Hint = "Oui/Non" },
            F(Org.CleaManagementPeriod, "Période CléA management", FieldFormat.Text, false, "Période d'habilitation CléA management") with { Hint = "ex. 2019-2025" },
        ]);

    public static SheetDefinition Etablissements { get; } = new(
        Keys.Etablissements, "Etablissements", SheetLayout.Table, Required: true, ["Établissements", "Etablissement", "Sites", "Tableau 1.4"],
        [
            F(Est.Name, "Raison sociale", FieldFormat.Text, true, "Nom de l'établissement", "Établissement", "Nom", "Dénomination"),
            F(Est.Siret, "SIRET", FieldFormat.Siret, true, "N° SIRET", "Numéro SIRET", "SIRET de l'établissement") with { Hint = "14 chiffres" },
            F(Est.Address, "Adresse", FieldFormat.Text, true, "Adresse postale"),
            F(Est.PostalCode, "Code postal", FieldFormat.PostalCode, true, "CP") with { Hint = "5 chiffres" },
            F(Est.City, "Ville", FieldFormat.Text, true, "Commune", "Localité"),
            F(Est.Region, "Région", FieldFormat.Region, false) with { Hint = "facultatif : déduite du code postal" },
        ]);

    public static SheetDefinition Intervenants { get; } = new(
        Keys.Intervenants, "Intervenants", SheetLayout.Table, Required: true, ["Intervenant", "CV", "Évaluateurs et formateurs", "Evaluateurs formateurs"],
        [
            F(Person.LastName, "Nom", FieldFormat.Text, true, "Nom de famille"),
            F(Person.FirstName, "Prénom", FieldFormat.Text, true),
            F(Person.Role, "Rôle", FieldFormat.Role, true, "Fonction") with { Hint = "Évaluateur / Formateur / Évaluateur et formateur" },
            F(Person.Diplomas, "Diplômes", FieldFormat.Text, false, "Diplôme", "Formation", "Diplômes et certifications"),
            F(Person.ProfessionalExperience, "Expériences professionnelles", FieldFormat.Text, false, "Expérience professionnelle", "Parcours professionnel"),
            F(Person.Domains, "Domaines CléA numérique couverts", FieldFormat.Domains, false, "Domaines couverts", "Domaines", "Domaines CléA numérique") with { Hint = "1 à 4, séparés par ;" },
            F(Person.EvaluationExperience, "Expériences en évaluation ou formation", FieldFormat.Text, false, "Expériences en évaluation", "Expérience en évaluation ou formation", "Expériences en formation"),
            F(Person.Year, "Année", FieldFormat.Year, false, "Année de la dernière expérience", "Année de l'expérience la plus récente"),
            F(Person.Siret, "SIRET de rattachement", FieldFormat.Siret, false, "SIRET", "Établissement de rattachement") with { Hint = "facultatif, 14 chiffres" },
            F(Person.Status, "Statut", FieldFormat.Text, false, "Statut de l'intervenant", "Statut juridique", "Statut de l'intervenant mobilisé") with { Hint = "Salarié / Indépendant / Sous-traitant / Bénévole / Autre" },
        ]);

    public static SheetDefinition References { get; } = new(
        Keys.References, "References", SheetLayout.Table, Required: false, ["Références", "Reference", "Références clients"],
        [
            F(Ref.Year, "Année", FieldFormat.Year, true),
            F(Ref.Client, "Client", FieldFormat.Text, true, "Client / Commanditaire", "Commanditaire"),
            F(Ref.Publics, "Publics concernés", FieldFormat.Text, false, "Public concerné", "Publics"),
            F(Ref.Domains, "Domaines CléA numérique couverts", FieldFormat.Domains, false, "Domaines couverts", "Domaines", "Domaines CléA numérique") with { Hint = "1 à 4, séparés par ;" },
            F(Ref.PeopleEvaluated, "Nombre de personnes évaluées", FieldFormat.Count, false, "Nb de personnes évaluées", "Personnes évaluées", "Nombre de personnes"),
            F(Ref.Sectors, "Secteurs", FieldFormat.Text, false, "Secteur", "Secteurs d'activité"),
            F(Ref.Description, "Description", FieldFormat.Text, false, "Descriptif"),
            // Template 2026.2: after the earlier columns.
            F(Ref.ClientContact, "Contact client", FieldFormat.Text, false, "Contact du client", "Contact chez le client", "Contact client (nom et coordonnées)"),
            F(Ref.Topic, "Thème / sujet", FieldFormat.Text, false, "Thème", "Sujet", "Thème sujet", "Thème de la prestation"),
            F(Ref.ServiceDate, "Date de la prestation", FieldFormat.Text, false, "Date de prestation", "Date") with { Hint = "date ou mois/année" },
        ]);

    /// <summary>Optional sheet of template 2026.2 (form 3.2 « Chiffres clés »): absent from earlier templates, so its
    /// absence is not reported (<see cref="SheetDefinition.ReportWhenMissing"/>).</summary>
    public static SheetDefinition Activite { get; } = new(
        Keys.Activite, "Activite", SheetLayout.Table, Required: false, ["Activité", "Chiffres clés", "Activité CléA numérique", "Chiffres clés CléA numérique"],
        [
            F(Act.Year, "Année", FieldFormat.Year, true),
            F(Act.Registered, "Dossiers inscrits", FieldFormat.Count, false, "Nombre de dossiers inscrits", "Nb de dossiers inscrits", "Inscrits"),
            F(Act.PriorEvaluations, "Évaluations préalables", FieldFormat.Count, false, "Nombre d'évaluations préalables", "Nb d'évaluations préalables"),
            F(Act.FinalEvaluations, "Évaluations finales", FieldFormat.Count, false, "Nombre d'évaluations finales", "Nb d'évaluations finales"),
            F(Act.Certified, "Personnes certifiées", FieldFormat.Count, false, "Nombre de personnes certifiées", "Nb de personnes certifiées", "Certifiés"),
        ])
    {
        ReportWhenMissing = false,
        MinContentMatches = 3,
    };

    /// <summary>The data sheets, in template order.</summary>
    public static IReadOnlyList<SheetDefinition> Sheets { get; } = [Organisme, Etablissements, Intervenants, References, Activite];
}
