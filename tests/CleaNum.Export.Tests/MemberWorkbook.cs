using ClosedXML.Excel;

namespace CleaNum.Export.Tests;

/// <summary>A small member workbook as a member would fill it (built with ClosedXML, saved as .xlsx or .xlsm).</summary>
internal static class MemberWorkbook
{
    public static string Create(string path, string etablissementsSheet = "Etablissements")
    {
        using var workbook = new XLWorkbook();
        IXLWorksheet organisme = workbook.AddWorksheet("Organisme");
        organisme.Cell("A1").SetValue("Raison sociale");
        organisme.Cell("B1").SetValue("ACME Formation");
        organisme.Cell("A2").SetValue("SIREN");
        organisme.Cell("B2").Style.NumberFormat.Format = "@";
        organisme.Cell("B2").SetValue("732829320");
        organisme.Cell("A3").SetValue("Code postal");
        organisme.Cell("B3").Style.NumberFormat.Format = "@";
        organisme.Cell("B3").SetValue("75008");
        organisme.Cell("A4").SetValue("Certification Qualiopi");
        organisme.Cell("B4").SetValue("Non");

        IXLWorksheet establishments = workbook.AddWorksheet(etablissementsSheet);
        string[] headers = ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Région"];
        for (int c = 0; c < headers.Length; c++)
        {
            establishments.Cell(1, c + 1).SetValue(headers[c]);
        }

        establishments.Column(2).Style.NumberFormat.Format = "@";
        establishments.Cell("A2").SetValue("ACME Paris");
        establishments.Cell("B2").SetValue("73282932000074");
        establishments.Cell("F2").SetValue("Bretagne");
        establishments.Cell("A3").SetValue("ACME Lyon");
        establishments.Cell("B3").SetValue("73282932000079");
        establishments.Cell("F3").SetValue("Auvergne-Rhône-Alpes");
        workbook.SaveAs(path);
        return path;
    }
}
