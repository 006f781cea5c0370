using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Worker.Consolidation;

public static class ConsolidationServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AnnexOptions"/> (section <c>CleaNum:Annex</c>, earlier keys mapped, validated on
    /// start) and the
    /// <see cref="ConsolidationService"/> singleton. Needs the store (AddCleaNumStorage), the annex and status writers
    /// (AddCleaNumExport), <see cref="Ingest.IRosterSource"/>, <see cref="DataFolder"/>, CleaNumOptions and a TimeProvider.</summary>
    public static IServiceCollection AddCleaNumConsolidation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<AnnexOptions, AnnexOptionsValidator>()
                .Configure<IConfiguration>(AnnexOptions.BindEarlierKeys)
                .BindConfiguration(AnnexOptions.SectionName);
        services.AddSingleton<ConsolidationService>();
        return services;
    }
}
