using CleaNum.Core.Validation;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CleaNum.Core.Tests.Validation;

public sealed class CoreServiceCollectionExtensionsTests
{
    [Fact]
    public void Registers_the_validators_as_singletons_with_every_dependency_registered()
    {
        var services = new ServiceCollection();

        services.AddCleaNumCore();

        Type[] expected =
        [
            typeof(IMemberWorkbookValidator), typeof(INetworkRosterParser), typeof(TimeProvider),
            typeof(IValidator<OrganisationRecord>), typeof(IValidator<EstablishmentRecord>), typeof(IValidator<IntervenantRecord>),
            typeof(IValidator<ReferenceRecord>), typeof(IValidator<MemberRecord>),
        ];
        Assert.All(expected, t => Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == t).Lifetime));
        foreach (ServiceDescriptor descriptor in services.Where(d => d.ImplementationType is not null))
        {
            var parameters = descriptor.ImplementationType!.GetConstructors().Single().GetParameters();
            Assert.All(parameters, p => Assert.Contains(services, d => d.ServiceType == p.ParameterType));
        }
    }

    [Fact]
    public void Keeps_a_time_provider_already_registered()
    {
        var services = new ServiceCollection();
        var fixedTime = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        services.AddSingleton<TimeProvider>(fixedTime);

        services.AddCleaNumCore();

        Assert.Same(fixedTime, Assert.Single(services, d => d.ServiceType == typeof(TimeProvider)).ImplementationInstance);
    }
}
