namespace CleaNum.Export.Spreadsheet;

/// <summary>Styles of <see cref="SpreadsheetWriter"/> (indexes into cellXfs).</summary>
internal enum CellStyle : byte
{
    Default = 0,

    /// <summary>Header row: bold on a light blue fill, wrapped, centred vertically.</summary>
    Header = 1,

    /// <summary>Text number format ("@"): SIRET, SIREN, postal codes stay text when edited.</summary>
    Identifier = 2,

    /// <summary>Wrapped, top-aligned (long free text).</summary>
    Wrap = 3,

    /// <summary>Bold (section titles).</summary>
    Bold = 4,

    /// <summary>Integer number format "0".</summary>
    Integer = 5,

    /// <summary>Amount in euros, "# ##0 €".</summary>
    Euro = 6,

    /// <summary>Text ("@"), wrapped, top-aligned, on a red fill (#FFC7CE): a line about an error.</summary>
    ErrorText = 7,

    /// <summary>Text ("@"), wrapped, top-aligned, on an orange fill (#FFEB9C): a line about a warning.</summary>
    WarningText = 8,

    /// <summary>Text ("@"), wrapped, top-aligned: free text that may hold identifiers.</summary>
    WrapText = 9,

    /// <summary>Number centred at the top, on a red fill (#FFC7CE).</summary>
    ErrorNumber = 10,

    /// <summary>Number centred at the top, on an orange fill (#FFEB9C).</summary>
    WarningNumber = 11,

    /// <summary>Number centred at the top.</summary>
    CenteredNumber = 12,

    /// <summary>Text ("@"), wrapped, top-aligned, on a green fill (#C6EFCE): a good outcome.</summary>
    OkText = 13,

    /// <summary>Date and time "dd/mm/yyyy hh:mm", left-aligned at the top (a real date cell).</summary>
    DateTime = 14,

    /// <summary>Integer "0", left-aligned at the top (a value next to its label, not pushed to the far edge).</summary>
    LeftInteger = 15,

    /// <summary>Amount in euros "# ##0 €", left-aligned at the top.</summary>
    LeftEuro = 16,

    /// <summary>Bold on a light grey fill, top-aligned (a section title spanning a two-column sheet).</summary>
    Section = 17,

    /// <summary>Integer "0", left-aligned at the top, on a red fill (#FFC7CE): a count of errors next to its label, in
    /// line with the other values of its column.</summary>
    LeftErrorNumber = 18,
}
