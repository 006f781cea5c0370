namespace CleaNum.Core.Workbook;

/// <summary>What a field holds; drives the template (text columns, drop-downs) and the parsing.</summary>
public enum FieldFormat
{
    Text = 0,
    Siren,
    Siret,
    PostalCode,
    Region,
    Naf,
    Nda,
    Email,
    Phone,
    Url,
    Date,
    Year,
    Count,
    YesNo,
    Role,
    Domains,
}
