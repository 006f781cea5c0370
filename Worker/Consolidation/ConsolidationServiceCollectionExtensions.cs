using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Worker.Consolidation;

public static class ConsolidationServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ConsolidationOptions"/> (section <c>Consolidation</c>, validated on start) and the
    /// <see cref="ConsolidationService"/> singleton. Needs the store (AddCleaNumStorage), the annex and status writers
    /// (AddCleaNumExport), <see cref="Ingest.IRosterSource"/>, <see cref="DataFolder"/>, CleaNumOptions and a TimeProvider.</summary>
    public static IServiceCollection AddCleaNumConsolidation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<ConsolidationOptions, ConsolidationOptionsValidator>()
                .BindConfiguration(ConsolidationOptions.SectionName);
        services.AddSingleton<ConsolidationService>();
        return services;
    }
}
