using CleaNum.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>Registers the ExcelDataReader adapter (<see cref="IWorkbookReader"/>) and its <see cref="ImportOptions"/>.</summary>
    public static IServiceCollection AddCleaNumImport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        CodePages.EnsureRegistered();
        services.AddOptionsWithValidateOnStart<ImportOptions, ImportOptionsValidator>()
                .BindConfiguration(ImportOptions.SectionName);
        services.AddSingleton<IWorkbookReader, ExcelWorkbookReader>();
        return services;
    }
}
