using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging;

namespace CleaNum.Export.Template;

/// <summary>
/// The empty network file <c>reseau.xlsx</c> (member-workbook.md, last section), generated from
/// <see cref="NetworkWorkbookSchema"/> so that its labels are the ones the roster reader looks for: sheet
/// <c>Tete de reseau</c> as a form (label, value, help) and sheet <c>Membres</c> as a table (SIREN, raison sociale,
/// mandate received and its date, and the optional <c>Courriel</c> the member's reports can be sent to).
/// </summary>
internal sealed class RosterTemplateWriter(ILogger<RosterTemplateWriter> logger) : IRosterTemplateWriter
{
    private const int MemberRows = 500;

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor FormValueFill = XLColor.FromHtml("#FFFDF0");

    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var workbook = new XLWorkbook();
        WriteHead(workbook.AddWorksheet(NetworkWorkbookSchema.HeadSheet.Name));
        WriteMembers(workbook.AddWorksheet(NetworkWorkbookSchema.MembersSheet.Name));
        WorkbookFiles.PrintLandscapeOnePageWide(workbook);
        workbook.Worksheet(1).SetTabActive();
        WorkbookFiles.SaveAtomically(workbook, path);
        logger.TemplateWritten(path);
    }

    private static void WriteHead(IXLWorksheet sheet)
    {
        sheet.Column(1).Width = 48;
        sheet.Column(2).Width = 45;
        sheet.Column(3).Width = 60;
        int row = 1;
        foreach (FieldDefinition field in NetworkWorkbookSchema.HeadSheet.Fields)
        {
            IXLCell label = sheet.Cell(row, 1).SetValue(field.Label);
            label.Style.Font.Bold = field.Required;
            IXLCell value = sheet.Cell(row, 2);
            value.Style.Fill.BackgroundColor = FormValueFill;
            value.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            Format(sheet.Range(row, 2, row, 2), field);
            IXLCell help = sheet.Cell(row, 3).SetValue(Help(head: true, field));
            help.Style.Font.Italic = true;
            help.Style.Font.FontColor = XLColor.FromHtml("#595959");
            help.Style.Alignment.WrapText = true;
            sheet.Row(row).Height = 30;
            row++;
        }
    }

    private static void WriteMembers(IXLWorksheet sheet)
    {
        IReadOnlyList<FieldDefinition> fields = NetworkWorkbookSchema.MembersSheet.Fields;
        for (int c = 0; c < fields.Count; c++)
        {
            FieldDefinition field = fields[c];
            IXLCell header = sheet.Cell(1, c + 1).SetValue(field.Label);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = HeaderFill;
            header.Style.Alignment.WrapText = true;
            header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
            header.Comment.AddText(Help(head: false, field));
            sheet.Column(c + 1).Width = field.Format switch
            {
                FieldFormat.Siren => 16,
                FieldFormat.YesNo => 14,
                FieldFormat.Date => 14,
                FieldFormat.Email => 34,
                _ => 40,
            };
            Format(sheet.Range(2, c + 1, MemberRows + 1, c + 1), field);
        }

        sheet.Row(1).Height = 32;
        sheet.SheetView.FreezeRows(1);
    }

    private static void Format(IXLRange range, FieldDefinition field)
    {
        switch (field.Format)
        {
            case FieldFormat.Siren:
                range.Style.NumberFormat.Format = "@";
                break;
            case FieldFormat.Date:
                range.Style.NumberFormat.Format = "dd/mm/yyyy";
                break;
            case FieldFormat.Year:
                range.Style.NumberFormat.Format = "0";
                break;
            case FieldFormat.YesNo:
                IXLDataValidation validation = range.SetDataValidation();
                validation.List("\"Oui,Non\"", true);
                validation.IgnoreBlanks = true;
                validation.ErrorTitle = "Oui ou Non";
                validation.ErrorMessage = "Choisissez Oui ou Non.";
                validation.ShowErrorMessage = true;
                break;
            default:
                break;
        }
    }

    /// <summary>French help of a field of <c>reseau.xlsx</c>.</summary>
    internal static string Help(bool head, FieldDefinition field) => (head, field.Key) switch
    {
        (true, NetworkWorkbookSchema.Head.Name) => "Obligatoire. Raison sociale de la tête de réseau.",
        (true, NetworkWorkbookSchema.Head.Siren) => "Obligatoire. 9 chiffres (ex. 732 829 320).",
        (true, NetworkWorkbookSchema.Head.Campaign) => "Facultatif. Année de la campagne (ex. 2026) ; par défaut, l'année en cours.",
        (true, NetworkWorkbookSchema.Head.CleaActivity) => "Oui si la tête de réseau a elle-même une activité CléA numérique : elle compte alors comme candidat (frais d'instruction).",
        (true, NetworkWorkbookSchema.Head.Contact) => "Facultatif. Nom et coordonnées de la personne à contacter.",
        (false, NetworkWorkbookSchema.Member.Siren) => "Obligatoire. SIREN du membre, 9 chiffres : une ligne par membre.",
        (false, NetworkWorkbookSchema.Member.Name) => "Raison sociale du membre.",
        (false, NetworkWorkbookSchema.Member.MandateReceived) => "Oui ou Non : la lettre de mandat signée du membre a-t-elle été reçue ?",
        (false, NetworkWorkbookSchema.Member.MandateDate) => "Date de la lettre de mandat, jj/mm/aaaa.",
        (false, NetworkWorkbookSchema.Member.Email) => "Facultatif. Adresse électronique du membre (envoi de ses rapports).",
        _ => field.Required ? "Obligatoire." : "Facultatif.",
    };
}
