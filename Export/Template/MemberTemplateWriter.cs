using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Export.Template;

/// <summary>
/// Writes the member workbook template, generated from <see cref="MemberWorkbookSchema"/> (labels, hints, formats)
/// so that the reader and the template cannot drift: <c>Instructions</c>, the four data sheets, and the hidden
/// <c>Listes</c> sheet holding the drop-down values and the template-version stamp.
/// </summary>
internal sealed class MemberTemplateWriter(IOptions<ExportOptions> options, ILogger<MemberTemplateWriter> logger)
    : ITemplateWriter
{
    public const string InstructionsSheetName = MemberWorkbookSchema.InstructionsSheetName;
    public const string RequiredMark = " *";

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor FormValueFill = XLColor.FromHtml("#FFFDF0");
    private static readonly XLColor TitleColor = XLColor.FromHtml("#1F4E78");
    private static readonly XLColor ExampleColor = XLColor.FromHtml("#808080");

    private readonly int _rowCount = options.Value.TemplateRowCount;

    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        using var workbook = new XLWorkbook();
        IXLWorksheet instructions = workbook.AddWorksheet(InstructionsSheetName);
        var dataSheets = MemberWorkbookSchema.Sheets.Select(s => (Definition: s, Sheet: workbook.AddWorksheet(s.Name))).ToList();
        IXLWorksheet listsSheet = workbook.AddWorksheet(MemberWorkbookSchema.ListsSheetName);

        ListRanges lists = WriteLists(listsSheet);
        WriteInstructions(instructions);
        foreach ((SheetDefinition definition, IXLWorksheet sheet) in dataSheets)
        {
            if (definition.Layout == SheetLayout.Form)
            {
                WriteForm(sheet, definition, lists);
            }
            else
            {
                WriteTable(sheet, definition, lists);
            }
        }

        WorkbookFiles.PrintLandscapeOnePageWide(workbook);
        instructions.SetTabActive();
        instructions.TabSelected = true;
        WorkbookFiles.SaveAtomically(workbook, path);
        logger.TemplateWritten(path);
    }

    private sealed record ListRanges(IXLRange Regions, IXLRange Roles, IXLRange YesNo, IXLRange Domains, IXLRange Statuses);

    private static ListRanges WriteLists(IXLWorksheet sheet)
    {
        sheet.Cell(1, 1).SetValue(TemplateLists.VersionLabel).Style.Font.Bold = true;
        sheet.Cell(1, 2).Style.NumberFormat.Format = "@";
        sheet.Cell(1, 2).SetValue(MemberWorkbookSchema.TemplateVersion);

        IXLRange WriteColumn(int column, string header, IEnumerable<string> values)
        {
            sheet.Cell(3, column).SetValue(header).Style.Font.Bold = true;
            int row = 4;
            foreach (string value in values)
            {
                IXLCell cell = sheet.Cell(row++, column);
                cell.Style.NumberFormat.Format = "@";
                cell.SetValue(value);
            }

            return sheet.Range(4, column, row - 1, column);
        }

        var ranges = new ListRanges(
            WriteColumn(1, "Régions", TemplateLists.Regions),
            WriteColumn(2, "Rôles", TemplateLists.Roles),
            WriteColumn(3, "Oui/Non", TemplateLists.YesNo),
            WriteColumn(4, "Domaines", TemplateLists.Domains.Select(d => ((int)d.Domain).ToString(FrenchText.Culture))),
            WriteColumn(6, "Statuts", MemberWorkbookSchema.IntervenantStatuses));
        WriteColumn(5, "Intitulé du domaine", TemplateLists.Domains.Select(d => d.Label));

        sheet.Column(1).Width = 30;
        sheet.Column(2).Width = 26;
        sheet.Column(3).Width = 10;
        sheet.Column(4).Width = 10;
        sheet.Column(5).Width = 80;
        sheet.Column(6).Width = 16;
        sheet.Visibility = XLWorksheetVisibility.Hidden;
        return ranges;
    }

    private static void WriteInstructions(IXLWorksheet sheet)
    {
        const double width = 105;
        sheet.Column(1).Width = width;
        sheet.ShowGridLines = false;
        int row = 1;

        void Line(string text, bool title = false, bool heading = false, bool strong = false)
        {
            IXLCell cell = sheet.Cell(row, 1);
            cell.SetValue(text);
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            if (title)
            {
                cell.Style.Font.FontSize = 16;
                cell.Style.Font.Bold = true;
                cell.Style.Font.FontColor = TitleColor;
                sheet.Row(row).Height = 26;
            }
            else if (heading)
            {
                cell.Style.Font.FontSize = 12;
                cell.Style.Font.Bold = true;
                cell.Style.Font.FontColor = TitleColor;
                sheet.Row(row).Height = 24;
                cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Bottom;
            }
            else
            {
                cell.Style.Font.Bold = strong;
                sheet.Row(row).Height = RowHeight(text, width);
            }

            row++;
        }

        Line("Dossier CléA numérique — fiche de l'organisme membre", title: true);
        Line("À quoi sert ce fichier ?", heading: true);
        Line("Votre tête de réseau dépose auprès de Certif Pro une demande d'habilitation CléA numérique pour l'ensemble "
             + "de ses organismes membres. Ce fichier rassemble ce que Certif Pro demande sur votre organisme : son "
             + "identification, les établissements où se déroule l'activité CléA numérique, les CV des évaluateurs et "
             + "des formateurs, et vos références. Il est contrôlé automatiquement puis regroupé avec les fichiers des "
             + "autres membres dans l'annexe du dossier du réseau.");
        Line("Comment le remplir ?", heading: true);
        Line("1. Onglet « Organisme » : une information par ligne. Saisissez votre réponse dans la colonne B "
             + "(« Votre réponse ») ; la colonne C indique le format attendu. Les rubriques marquées * sont obligatoires.");
        Line("2. Onglet « Etablissements » : une ligne par établissement (SIRET) où se déroule une activité CléA numérique, "
             + "siège compris s'il est concerné.");
        Line("3. Onglet « Intervenants » : une ligne par évaluateur ou formateur dont vous fournissez le CV (nom, rôle, "
             + "diplômes, expériences, domaines couverts).");
        Line("4. Onglet « References » : une ligne par action d'évaluation ou de formation en lien avec CléA numérique "
             + "(année, client et contact, thème, date, publics, domaines, nombre de personnes évaluées).");
        Line("5. Onglet « Activite » (facultatif) : vos chiffres clés CléA numérique, une ligne par année (dossiers "
             + "inscrits, évaluations préalables et finales, personnes certifiées).");
        Line("Dans les onglets 2 à 5, la ligne 1 contient les en-têtes : passez la souris sur un en-tête pour voir l'aide. "
             + "La ligne 2, en gris et commençant par « Exemple : », montre une ligne remplie ; elle n'est jamais lue. "
             + "Saisissez vos données à partir de la ligne 3 (ou remplacez l'exemple, première cellule comprise). "
             + "Les listes déroulantes proposent les valeurs acceptées.");
        Line("Formats attendus", heading: true);
        Line("• SIREN : 9 chiffres. SIRET : 14 chiffres (les espaces sont acceptés, ex. 732 829 320 00074).");
        Line("• Code postal : 5 chiffres (ex. 01000, 75008). Numéro de déclaration d'activité : 11 chiffres.");
        Line("• Dates : jj/mm/aaaa (ex. 31/12/2026). Nombres : entiers, sans texte (ex. 3).");
        Line("• Région : à choisir dans la liste. Dans l'onglet Etablissements, elle peut rester vide : elle est alors "
             + "déduite du code postal.");
        Line("• Rôle : Évaluateur, Formateur ou Évaluateur et formateur. Statut de l'intervenant (demandé par Certif Pro "
             + "sur chaque CV) : Salarié, Indépendant, Sous-traitant, Bénévole ou Autre.");
        Line("• Domaines CléA numérique : numéros 1 à 4 ; pour plusieurs domaines, séparez-les par ; (ex. 1;2;4).");
        foreach (string domain in TemplateLists.DomainLines)
        {
            Line("      " + domain);
        }

        Line("Points bloquants (le fichier est refusé tant qu'ils ne sont pas corrigés)", heading: true);
        Line("• Au moins un CV d'évaluateur et au moins un CV de formateur dans l'onglet Intervenants.");
        Line("• Chaque SIRET doit commencer par le SIREN de l'organisme (une habilitation couvre un seul SIREN) et "
             + "n'apparaître qu'une fois.");
        Line("• Les rubriques obligatoires (*) remplies ; SIREN, SIRET, code postal, code NAF et numéro de déclaration "
             + "d'activité valides.");
        Line("• Les nombres d'évaluateurs et de formateurs mobilisables renseignés, au moins égaux au nombre de CV fournis "
             + "pour chaque rôle.");
        Line("Où déposer le fichier ?", heading: true);
        Line("Enregistrez le fichier au format Excel (.xlsx) et déposez-le dans le dossier de dépôt indiqué par votre tête "
             + "de réseau. Vous recevrez un rapport de contrôle (CleANum-…-Rapport-….xlsx). S'il signale des erreurs, "
             + "corrigez-les puis déposez de nouveau le fichier complet.");
        Line("Ne renommez pas les onglets ni les en-têtes, et ne supprimez pas de colonnes : le fichier est lu grâce à eux. "
             + "Vous pouvez ajouter des lignes. Les fichiers .ods, .csv ou .pdf ne sont pas acceptés.", strong: true);
        row++;
        Line($"{TemplateLists.VersionLabel} : {MemberWorkbookSchema.TemplateVersion}");
    }

    private static void WriteForm(IXLWorksheet sheet, SheetDefinition definition, ListRanges lists)
    {
        string[] headers = ["Information demandée", "Votre réponse", "Aide / format attendu"];
        for (int c = 0; c < headers.Length; c++)
        {
            StyleHeader(sheet.Cell(1, c + 1).SetValue(headers[c]));
        }

        sheet.Row(1).Height = 22;
        sheet.Column(1).Width = 48;
        sheet.Column(2).Width = 50;
        sheet.Column(3).Width = 58;

        int row = 2;
        foreach (FieldDefinition field in definition.Fields)
        {
            IXLCell label = sheet.Cell(row, 1);
            label.SetValue(field.Label + (field.Required ? RequiredMark : ""));
            label.Style.Font.Bold = field.Required;
            label.Style.Alignment.WrapText = true;
            label.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

            IXLCell value = sheet.Cell(row, 2);
            value.Style.Fill.BackgroundColor = FormValueFill;
            value.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            value.Style.Border.OutsideBorderColor = XLColor.FromHtml("#BFBFBF");
            value.Style.Alignment.WrapText = true;
            value.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            ApplyFormat(sheet.Range(row, 2, row, 2), field, lists);

            string hint = HintText(field);
            IXLCell help = sheet.Cell(row, 3);
            help.SetValue(hint);
            help.Style.Font.Italic = true;
            help.Style.Font.FontColor = XLColor.FromHtml("#595959");
            help.Style.Alignment.WrapText = true;
            help.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

            bool longText = field.Key is MemberWorkbookSchema.Org.References or MemberWorkbookSchema.Org.Specificities;
            sheet.Row(row).Height = longText ? 60 : Math.Max(RowHeight(label.GetString(), 48), RowHeight(hint, 58));
            row++;
        }

        sheet.SheetView.FreezeRows(1);
    }

    private void WriteTable(IXLWorksheet sheet, SheetDefinition definition, ListRanges lists)
    {
        int lastRow = _rowCount + 1;
        for (int c = 0; c < definition.Fields.Count; c++)
        {
            FieldDefinition field = definition.Fields[c];
            int column = c + 1;

            // The body's look and number format is the column's style (<col style>), not 500 formatted empty cells:
            // Excel and LibreOffice give a new cell its column's style, and a filled template stays small and quick
            // to read. Set before the header, which then gets its own style on top.
            (double width, bool wrap) = TableColumn(field);
            IXLColumn body = sheet.Column(column);
            body.Width = width;
            body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            body.Style.Alignment.WrapText = wrap;
            if (NumberFormat(field) is { } format)
            {
                body.Style.NumberFormat.Format = format;
            }

            IXLCell header = sheet.Cell(1, column);
            header.SetValue(field.Label + (field.Required ? RequiredMark : ""));
            StyleHeader(header);
            header.Comment.AddText(HintText(field));
            header.Comment.Style.Size.SetHeight(5).Size.SetWidth(30);

            // Drop-downs and whole-number checks stay on the first rows: one <dataValidation sqref> element, no cells.
            Validate(sheet.Range(2, column, lastRow, column), field, lists);
        }

        WriteExample(sheet, definition);
        sheet.Row(1).Height = 32;
        sheet.SheetView.FreezeRows(1);
    }

    /// <summary>Row 2 of a table sheet: a filled-in line in grey italics, first cell « Exemple : … », the others
    /// « Ex. : … » (<see cref="TemplateExamples"/>), which the reader skips cell by cell.</summary>
    private static void WriteExample(IXLWorksheet sheet, SheetDefinition definition)
    {
        IReadOnlyDictionary<string, string> example = TemplateExamples.Of(definition);
        for (int c = 0; c < definition.Fields.Count; c++)
        {
            if (!example.TryGetValue(definition.Fields[c].Key, out string? value))
            {
                continue;
            }

            IXLCell cell = sheet.Cell(2, c + 1);
            cell.SetValue((c == 0 ? TemplateExamples.Marker : TemplateExamples.CellMarker) + value);
            cell.Style.Font.Italic = true;
            cell.Style.Font.FontColor = ExampleColor;
        }
    }

    private static void StyleHeader(IXLCell cell)
    {
        cell.Style.Font.Bold = true;
        cell.Style.Fill.BackgroundColor = HeaderFill;
        cell.Style.Alignment.WrapText = true;
        cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        cell.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
    }

    /// <summary>Number format and data validation of a value cell of the form.</summary>
    private static void ApplyFormat(IXLRange range, FieldDefinition field, ListRanges lists)
    {
        if (NumberFormat(field) is { } format)
        {
            range.Style.NumberFormat.Format = format;
        }

        Validate(range, field, lists);
    }

    /// <summary>The number format a field's cells get: text for identifiers (leading zeros kept), dates, integers.</summary>
    private static string? NumberFormat(FieldDefinition field) => field.Format switch
    {
        FieldFormat.Siren or FieldFormat.Siret or FieldFormat.PostalCode or FieldFormat.Nda or FieldFormat.Naf
            or FieldFormat.Phone or FieldFormat.Domains => "@",
        FieldFormat.Date => "dd/mm/yyyy",
        FieldFormat.Count or FieldFormat.Year => "0",
        _ => null,
    };

    /// <summary>The data validation (drop-down list or whole number) of a value cell (form) or a column body (table).</summary>
    private static void Validate(IXLRange range, FieldDefinition field, ListRanges lists)
    {
        switch (field.Format)
        {
            case FieldFormat.Count:
                WholeNumber(range, 0, null, field.Label, "Saisissez un nombre entier, 0 ou plus.");
                break;
            case FieldFormat.Year:
                WholeNumber(range, 1990, 2100, field.Label, "Saisissez une année sur 4 chiffres (ex. 2025).");
                break;
            case FieldFormat.Region:
                List(range, lists.Regions, field.Label, "Choisissez la région dans la liste.", strict: true);
                break;
            case FieldFormat.YesNo:
                List(range, lists.YesNo, field.Label, "Choisissez Oui ou Non.", strict: true);
                break;
            case FieldFormat.Role:
                List(range, lists.Roles, field.Label,
                    "Choisissez Évaluateur, Formateur ou Évaluateur et formateur.", strict: true);
                break;
            case FieldFormat.Domains:
                // No list: a list validation would question « 1;2;4 », which the instructions ask for. The help
                // shows when the cell is selected; the reader checks the numbers (DOMAIN_UNKNOWN).
                Prompt(range, field.Label, "Numéro du domaine (1 à 4). " + TemplateLists.DomainsMultipleHint);
                break;
            case FieldFormat.Text when field.Key == MemberWorkbookSchema.Person.Status:
                List(range, lists.Statuses, field.Label,
                    "Choisissez Salarié, Indépendant, Sous-traitant, Bénévole ou Autre.", strict: false);
                break;
            default:
                break;
        }
    }

    private static void List(IXLRange range, IXLRange values, string label, string message, bool strict)
    {
        IXLDataValidation validation = range.SetDataValidation();
        validation.List(values, true);

        // Not strict (Statut): the list proposes, another value is only questioned (the reader warns on it).
        Explain(validation, label, message, strict ? XLErrorStyle.Stop : XLErrorStyle.Information);
    }

    /// <summary>Help shown when a cell is selected, any value accepted.</summary>
    private static void Prompt(IXLRange range, string label, string message)
    {
        IXLDataValidation validation = range.SetDataValidation();
        validation.AllowedValues = XLAllowedValues.AnyValue;
        validation.IgnoreBlanks = true;
        validation.InputTitle = Truncate(label, 32);
        validation.InputMessage = message;
        validation.ShowInputMessage = true;
        validation.ShowErrorMessage = false;
    }

    private static void WholeNumber(IXLRange range, int min, int? max, string label, string message)
    {
        IXLDataValidation validation = range.SetDataValidation();
        if (max is int upper)
        {
            validation.WholeNumber.Between(min, upper);
        }
        else
        {
            validation.WholeNumber.EqualOrGreaterThan(min);
        }

        Explain(validation, label, message, XLErrorStyle.Stop);
    }

    /// <summary>Blank cells allowed; the field's label and message shown when the cell is selected and when a value is
    /// refused (<paramref name="style"/>: blocked, or information only).</summary>
    private static void Explain(IXLDataValidation validation, string label, string message, XLErrorStyle style)
    {
        validation.IgnoreBlanks = true;
        validation.InputTitle = Truncate(label, 32);
        validation.InputMessage = message;
        validation.ShowInputMessage = true;
        validation.ErrorTitle = Truncate(label, 32);
        validation.ErrorMessage = message;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = style;
    }

    /// <summary>French help text of a field: required or not, then its hint or the format's usual wording.</summary>
    internal static string HintText(FieldDefinition field)
    {
        var parts = new List<string>();
        if (field.Required)
        {
            parts.Add("Obligatoire.");
        }
        else if (field.Key is MemberWorkbookSchema.Org.QualiopiCertificate or MemberWorkbookSchema.Org.QualiopiCertifier
                 or MemberWorkbookSchema.Org.QualiopiExpiry)
        {
            parts.Add("Obligatoire si Certification Qualiopi = Oui.");
        }
        else
        {
            parts.Add("Facultatif.");
        }

        string? formatText = field.Format switch
        {
            FieldFormat.Siren => "9 chiffres (ex. 732 829 320).",
            FieldFormat.Siret => "14 chiffres, commençant par le SIREN de l'organisme.",
            FieldFormat.PostalCode => "5 chiffres (ex. 01000).",
            FieldFormat.Naf => "Code NAF/APE, ex. 85.59A.",
            FieldFormat.Nda => "11 chiffres (numéro de déclaration d'activité).",
            FieldFormat.Email => "Adresse électronique, ex. contact@organisme.fr.",
            FieldFormat.Phone => "10 chiffres, ex. 01 23 45 67 89.",
            FieldFormat.Url => "Adresse du site, ex. https://www.organisme.fr.",
            FieldFormat.Date => "Date jj/mm/aaaa.",
            FieldFormat.Year => "Année sur 4 chiffres.",
            FieldFormat.Count => "Nombre entier (0 ou plus).",
            FieldFormat.YesNo => "Oui ou Non (liste).",
            FieldFormat.Region => "Choisir dans la liste.",
            FieldFormat.Role => "Évaluateur, Formateur ou Évaluateur et formateur (liste).",
            FieldFormat.Domains => "Numéros 1 à 4. " + TemplateLists.DomainsMultipleHint + " "
                                   + string.Join(" ; ", TemplateLists.DomainLines) + ".",
            _ => null,
        };

        // The schema's own hint, when it says something the required/optional word and the format wording do not
        // (« facultatif : déduite du code postal » → « Déduite du code postal. »; « 14 chiffres » is in the format's).
        if (field.Hint is { } hint && field.Format is FieldFormat.Text or FieldFormat.Region or FieldFormat.Siret
            && OwnHint(hint, formatText) is { Length: > 0 } own)
        {
            parts.Add(char.ToUpper(own[0], FrenchText.Culture) + own[1..] + ".");
        }

        if (formatText is not null)
        {
            parts.Add(formatText);
        }

        return string.Join(" ", parts);
    }

    /// <summary>The schema hint without a leading « facultatif » (said already) and without what the format wording
    /// says (« 14 chiffres »); empty when nothing is left.</summary>
    private static string OwnHint(string hint, string? formatText)
    {
        string own = hint.Trim();
        foreach (string said in new[] { "facultatif", "obligatoire" })
        {
            if (own.StartsWith(said, StringComparison.OrdinalIgnoreCase))
            {
                own = own[said.Length..].TrimStart(' ', ':', ',', ';', '.');
            }
        }

        own = own.TrimEnd('.', ' ');
        bool repeated = formatText is not null && own.Length > 0
            && formatText.Contains(own, StringComparison.OrdinalIgnoreCase);
        return repeated ? "" : own;
    }

    private static (double Width, bool Wrap) TableColumn(FieldDefinition field) => field.Format switch
    {
        FieldFormat.Siret => (20, false),
        FieldFormat.Siren => (14, false),
        FieldFormat.PostalCode => (13, false),
        FieldFormat.Region => (28, false),
        FieldFormat.Role => (26, false),
        FieldFormat.Domains => (22, false),
        FieldFormat.Year => (10, false),
        FieldFormat.Count => (18, false),
        FieldFormat.Date => (14, false),
        FieldFormat.Email => (32, false),
        FieldFormat.Phone => (18, false),
        FieldFormat.Url => (30, false),
        FieldFormat.YesNo => (10, false),
        _ => field.Key switch
        {
            MemberWorkbookSchema.Person.ProfessionalExperience or MemberWorkbookSchema.Person.EvaluationExperience
                or MemberWorkbookSchema.Ref.Description => (60, true),
            MemberWorkbookSchema.Est.Address or MemberWorkbookSchema.Person.Diplomas => (40, true),
            MemberWorkbookSchema.Ref.Publics or MemberWorkbookSchema.Ref.Client => (30, true),
            MemberWorkbookSchema.Est.Name => (35, false),
            MemberWorkbookSchema.Est.City or MemberWorkbookSchema.Ref.Sectors => (25, false),
            _ => (Math.Max(20, field.Label.Length + 4), false),
        },
    };

    /// <summary>Height in points of a wrapped row holding <paramref name="text"/> in a column of the given width.</summary>
    internal static double RowHeight(string text, double columnWidth)
    {
        int perLine = Math.Max(10, (int)(columnWidth * 1.2) - 3);
        int lines = text.Split('\n').Sum(part => Math.Max(1, (part.Length + perLine - 1) / perLine));
        return (15 * lines) + 3;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
