using CleaNum.Core.Ports;
using CleaNum.Export.Reports;
using CleaNum.Export.Template;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>Registers the member template writer (<see cref="ITemplateWriter"/>) and the member report writer
    /// (<see cref="IMemberReportWriter"/>), with <see cref="ExportOptions"/> bound to section <c>Export</c>.</summary>
    public static IServiceCollection AddCleaNumExport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<ExportOptions, ExportOptionsValidator>()
                .BindConfiguration(ExportOptions.SectionName);
        services.AddSingleton<ITemplateWriter, MemberTemplateWriter>();
        services.AddSingleton<IRosterTemplateWriter, RosterTemplateWriter>();
        services.AddSingleton<IMemberReportWriter, MemberReportWriter>();
        services.AddSingleton<IAnnexWriter, Annex.AnnexWriter>();
        services.AddSingleton<IDossierDocumentsWriter, Annex.DossierDocumentsWriter>();
        services.AddSingleton<IStatusWorkbookWriter, Status.StatusWorkbookWriter>();
        return services;
    }
}
