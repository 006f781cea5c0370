namespace CleaNum.Core.Workbook;

/// <summary>The network head's roster file <c>reseau.xlsx</c> (<c>member-workbook.md</c>, last section).</summary>
public static class NetworkWorkbookSchema
{
    public const string FileName = "reseau.xlsx";

    public static class Keys
    {
        public const string Head = "tete_de_reseau";
        public const string Members = "membres";
    }

    public static class Head
    {
        public const string Name = "raison_sociale";
        public const string Siren = "siren";
        public const string Campaign = "campagne";
        public const string CleaActivity = "activite_clea";
        public const string Contact = "contact";
    }

    public static class Member
    {
        public const string Siren = "siren";
        public const string Name = "raison_sociale";
        public const string MandateReceived = "mandat_recu";
        public const string MandateDate = "date_mandat";
        public const string Email = "courriel";
    }

    public static SheetDefinition HeadSheet { get; } = new(
        Keys.Head, "Tete de reseau", SheetLayout.Form, Required: true, ["Tête de réseau", "Reseau", "Réseau"],
        [
            new(Head.Name, "Raison sociale", FieldFormat.Text, true, ["Nom de l'organisme", "Nom"]),
            new(Head.Siren, "SIREN", FieldFormat.Siren, true, ["N° SIREN"]),
            new(Head.Campaign, "Campagne", FieldFormat.Year, false, ["Année", "Campagne (année)"]),
            new(Head.CleaActivity, "Activité CléA numérique de la tête de réseau", FieldFormat.YesNo, false, ["Activité CléA numérique"]),
            new(Head.Contact, "Contact", FieldFormat.Text, false, ["Contact principal"]),
        ]);

    public static SheetDefinition MembersSheet { get; } = new(
        Keys.Members, "Membres", SheetLayout.Table, Required: true, ["Membres du réseau", "Liste des membres"],
        [
            new(Member.Siren, "SIREN", FieldFormat.Siren, true, ["N° SIREN"]),
            new(Member.Name, "Raison sociale", FieldFormat.Text, false, ["Nom de l'organisme", "Nom"]),
            new(Member.MandateReceived, "Lettre de mandat reçue", FieldFormat.YesNo, false, ["Mandat reçu", "Lettre de mandat", "Mandat"]),
            new(Member.MandateDate, "Date du mandat", FieldFormat.Date, false, ["Date de mandat", "Date de la lettre de mandat"]),
            new(Member.Email, "Courriel", FieldFormat.Email, false, ["Courriel du contact", "E-mail", "Email", "Adresse électronique", "Mail"]),
        ]);

    public static IReadOnlyList<SheetDefinition> Sheets { get; } = [HeadSheet, MembersSheet];
}
