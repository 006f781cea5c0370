using System.Globalization;
using CleaNum.Core;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Import;

/// <summary>The French messages and hints of the issues the reader raises (FILE_*, SHEET_MISSING, COLUMN_MISSING).</summary>
internal static class ImportMessages
{
    private static readonly CultureInfo French = FrenchCulture.Instance;

    private const string SaveAsXlsxHint =
        "Ouvrez le fichier dans Excel ou LibreOffice, puis « Fichier > Enregistrer sous… » et choisissez « Classeur Excel (.xlsx) » avant de le renvoyer.";

    private const string UnreadableHint =
        "Ouvrez le fichier dans Excel pour vérifier qu'il s'ouvre sans message de réparation, enregistrez-le de nouveau au format « Classeur Excel (.xlsx) » puis renvoyez-le.";

    private const string EncryptedHint =
        "Dans Excel : « Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe », effacez le mot de passe, enregistrez puis renvoyez le fichier. La protection d'une feuille (sans mot de passe à l'ouverture) ne gêne pas la lecture.";

    private const string TooLargeHint =
        "Supprimez les lignes, images ou objets inutiles, ou vérifiez qu'il s'agit bien du classeur attendu ; le modèle rempli pèse normalement moins de 1 Mo.";

    public static Issue UnsupportedFormat(string what, string? value) => new(
        Severity.Error, IssueCodes.FileFormatUnsupported, null, null, null, value,
        $"Le fichier n'est pas un classeur Excel accepté : {what}. Seuls les formats .xlsx, .xlsm et .xls sont lus.",
        SaveAsXlsxHint);

    public static Issue Xlsb(string? value) => new(
        Severity.Error, IssueCodes.FileFormatUnsupported, null, null, null, value,
        "Le format « Classeur binaire Excel (.xlsb) » n'est pas accepté. Seuls les formats .xlsx, .xlsm et .xls sont lus.",
        SaveAsXlsxHint);

    public static Issue StrictOpenXml(string? value) => new(
        Severity.Error, IssueCodes.FileFormatUnsupported, null, null, null, value,
        "Le classeur est enregistré au format « Feuille de calcul Open XML Strict », qui n'est pas lu. Seuls les classeurs .xlsx ordinaires, .xlsm et .xls sont acceptés.",
        "Dans Excel : « Fichier > Enregistrer sous… », type « Classeur Excel (.xlsx) » (et non « Feuille de calcul Open XML Strict »), puis renvoyez le fichier.");

    public static Issue Ods(string? value) => new(
        Severity.Error, IssueCodes.FileFormatUnsupported, null, null, null, value,
        "Le format OpenDocument (.ods, LibreOffice Calc) n'est pas accepté. Seuls les formats .xlsx, .xlsm et .xls sont lus.",
        "Dans LibreOffice : « Fichier > Enregistrer sous… », type « Classeur Excel 2007-365 (.xlsx) », puis renvoyez le fichier.");

    public static Issue CellTextInvalid(string sheet, int row, string address) =>
        IssueCatalog.Create(
            IssueCodes.CellTextInvalid,
            message: $"La cellule {address} contient des caractères qu'aucun tableur ne peut enregistrer (un caractère isolé d'une paire de substitution, un caractère de contrôle…) : elle est lue sans eux.",
            sheet: sheet,
            row: row,
            cellAddress: address);

    public static Issue Empty() => new(
        Severity.Error, IssueCodes.FileUnreadable, null, null, null, null,
        "Le fichier est vide (0 octet) : la copie ou l'enregistrement a probablement échoué.",
        "Renvoyez le classeur après l'avoir ouvert une fois dans Excel pour vérifier son contenu.");

    public static Issue Unreadable(string why) => new(
        Severity.Error, IssueCodes.FileUnreadable, null, null, null, null,
        $"Le fichier est endommagé ou illisible ({why}).",
        UnreadableHint);

    public static Issue Encrypted() => new(
        Severity.Error, IssueCodes.FileEncrypted, null, null, null, null,
        "Le classeur est protégé par un mot de passe à l'ouverture : il ne peut pas être lu.",
        EncryptedHint);

    public static Issue FileTooLarge(long bytes, long maxBytes) => new(
        Severity.Error, IssueCodes.FileTooLarge, null, null, null, Megabytes(bytes),
        $"Le fichier pèse {Megabytes(bytes)}, au-delà de la limite de {Megabytes(maxBytes)}.",
        TooLargeHint);

    public static Issue TooLarge(WorkbookLimitException exception) => new(
        Severity.Error, IssueCodes.FileTooLarge, null, null, null, null, exception.Message, exception.Hint);

    public static WorkbookLimitException ContentTooLarge(string what) => new(
        $"Le contenu du classeur est anormalement volumineux une fois décompressé ({what}) : il n'a pas été lu.",
        TooLargeHint);

    public static WorkbookLimitException TooManyRows(string sheet, int maxRows) => new(
        $"L'onglet « {sheet} » contient plus de {maxRows.ToString("N0", French)} lignes remplies : le classeur n'a pas été lu.",
        "Vérifiez qu'il s'agit bien du classeur attendu et supprimez les lignes inutiles (Ctrl+Fin montre la dernière cellule utilisée).");

    public static Issue SheetMissing(SheetDefinition sheet)
    {
        string others = string.Join(", ", sheet.Synonyms.Select(s => $"« {s} »"));
        return sheet.Required
            ? new(Severity.Error, IssueCodes.SheetMissing, sheet.Name, null, null, null,
                $"L'onglet obligatoire « {sheet.Name} » est introuvable.",
                $"Utilisez le modèle fourni par la tête de réseau et ne renommez pas ses onglets (noms acceptés : « {sheet.Name} »{(others.Length > 0 ? ", " + others : "")}).")
            : new(Severity.Warning, IssueCodes.SheetMissing, sheet.Name, null, null, null,
                $"L'onglet facultatif « {sheet.Name} » est absent : rien n'en sera repris.",
                $"Si vous avez des informations à déclarer, ajoutez l'onglet « {sheet.Name} » du modèle fourni par la tête de réseau.");
    }

    /// <summary>SHEET_MISSING, said for what it is: the roster (<c>reseau.xlsx</c>) dropped where member files go.</summary>
    public static Issue RosterInsteadOfMemberFile(SheetDefinition sheet) =>
        new(sheet.Required ? Severity.Error : Severity.Warning, IssueCodes.SheetMissing, sheet.Name, null, null, null,
            $"L'onglet « {sheet.Name} » est introuvable : ce classeur est la liste du réseau (onglets « {NetworkWorkbookSchema.HeadSheet.Name} » et « {NetworkWorkbookSchema.MembersSheet.Name} »), pas le dossier d'un membre.",
            $"La liste du réseau ne se dépose pas dans « depot » : enregistrez-la sous le nom « {NetworkWorkbookSchema.FileName} » à la racine du dossier de données de CleaNum, où elle est lue à chaque consolidation.");

    public static Issue ColumnMissing(SheetDefinition sheet, FieldDefinition field, string sheetName, int? headerRow)
    {
        string others = string.Join(", ", field.Synonyms.Select(s => $"« {s} »"));
        string accepted = others.Length > 0 ? $" (ou : {others})" : "";
        return sheet.Layout == SheetLayout.Table
            ? new(Severity.Error, IssueCodes.ColumnMissing, sheetName, headerRow, field.Label, null,
                headerRow is null
                    ? $"La ligne d'en-tête de l'onglet « {sheetName} » est introuvable : la colonne obligatoire « {field.Label} » manque."
                    : $"La colonne obligatoire « {field.Label} » est introuvable dans la ligne d'en-tête (ligne {headerRow}) de l'onglet « {sheetName} ».",
                $"Le titre de la colonne doit être « {field.Label} »{accepted}. Reprenez la ligne d'en-tête du modèle sans la modifier.")
            : new(Severity.Error, IssueCodes.ColumnMissing, sheetName, null, field.Label, null,
                $"Le libellé obligatoire « {field.Label} » est introuvable dans l'onglet « {sheetName} ».",
                $"Écrivez le libellé « {field.Label} »{accepted} dans une cellule et la valeur dans la cellule à sa droite, comme dans le modèle.");
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", French) + " Mo";
}
