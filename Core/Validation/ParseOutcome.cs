using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>A <see cref="Parsed{T}"/> without its type: the value (possibly set alongside a warning code) and the code.</summary>
internal readonly record struct ParseOutcome(object? Value, string? Code, string? Detail)
{
    public static ParseOutcome From<T>(Parsed<T> parsed) => new(parsed.Value, parsed.ErrorCode, parsed.Detail);

    /// <summary>
    /// The one field → parser map: the parser of a field format; null for free text and régions (checked with the
    /// postal code). Records run it once per cell (<see cref="SheetRecord.Parsed"/>); the format rule, the cross-field
    /// rules and the normaliser read that one outcome.
    /// </summary>
    public static ParseOutcome? Parse(FieldFormat format, Cell cell) => format switch
    {
        FieldFormat.Siren => From(CellParsers.Siren(cell)),
        FieldFormat.Siret => From(CellParsers.Siret(cell)),
        FieldFormat.PostalCode => From(CellParsers.PostalCode(cell)),
        FieldFormat.Naf => From(CellParsers.Naf(cell)),
        FieldFormat.Nda => From(CellParsers.Nda(cell)),
        FieldFormat.Email => From(CellParsers.Email(cell)),
        FieldFormat.Phone => From(CellParsers.Phone(cell)),
        FieldFormat.Url => From(CellParsers.Url(cell)),
        FieldFormat.Date => From(CellParsers.Date(cell)),
        FieldFormat.Year => From(CellParsers.Year(cell)),
        FieldFormat.Count => From(CellParsers.Count(cell)),
        FieldFormat.YesNo => From(CellParsers.YesNo(cell)),
        FieldFormat.Role => From(CellParsers.Role(cell)),
        FieldFormat.Domains => From(CellParsers.Domains(cell)),
        _ => null,
    };

    public static bool HasParser(FieldFormat format) => format is not (FieldFormat.Text or FieldFormat.Region);
}
