using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CleaNum.Export;

public sealed class ExportOptions
{
    public const string SectionName = "Export";

    /// <summary>Rows under the header of each table sheet of the template that get the drop-down lists and whole-number
    /// checks (number formats and alignment are column styles and cover the whole column).</summary>
    [Range(10, 10_000)]
    public int TemplateRowCount { get; set; } = 500;
}

[OptionsValidator]
public sealed partial class ExportOptionsValidator : IValidateOptions<ExportOptions>;
