using CleaNum.Core.Validation;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CleaNum.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the member workbook validator, its record validators (stateless singletons), the roster
    /// parser and <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered.</summary>
    public static IServiceCollection AddCleaNumCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidator<OrganisationRecord>, OrganisationValidator>();
        services.AddSingleton<IValidator<EstablishmentRecord>, EstablishmentValidator>();
        services.AddSingleton<IValidator<IntervenantRecord>, IntervenantValidator>();
        services.AddSingleton<IValidator<ReferenceRecord>, ReferenceValidator>();
        services.AddSingleton<IValidator<ActivityRecord>, ActivityValidator>();
        services.AddSingleton<IValidator<MemberRecord>, MemberValidator>();
        services.AddSingleton<IMemberWorkbookValidator, MemberWorkbookValidator>();
        services.AddSingleton<INetworkRosterParser, NetworkRosterParser>();
        return services;
    }
}
