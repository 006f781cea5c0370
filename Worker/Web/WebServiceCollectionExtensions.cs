using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleaNum.Worker.Web;

internal static class WebServiceCollectionExtensions
{
    /// <summary>The dashboard of <c>cleanum run</c> (section <c>Web</c>). Needs the consolidation service, the store,
    /// the data folder and the consolidation trigger (AddCleaNumService).</summary>
    public static IServiceCollection AddCleaNumWeb(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<WebOptions, WebOptionsValidator>().BindConfiguration(WebOptions.SectionName);
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<DashboardServer>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardServer>());
        return services;
    }
}
