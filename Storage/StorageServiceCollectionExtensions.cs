using CleaNum.Core.Ports;
using CleaNum.Storage.Dialects;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleaNum.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISubmissionStore"/>, <see cref="IDatabaseMigrator"/> and the migration hosted service, bound
    /// to section <c>Storage</c> plus <c>ConnectionStrings:CleaNum</c>. Call it before any other hosted service is added:
    /// hosted services start in registration order and the schema must exist first.
    /// </summary>
    public static IServiceCollection AddCleaNumStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        UtcDateTimeHandler.Register();

        services.AddOptionsWithValidateOnStart<StorageOptions, StorageOptionsValidator>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    options.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
                }
            })
            .Validate(o => o.Provider != StorageProvider.SqlServer || !string.IsNullOrWhiteSpace(o.ConnectionString),
                $"Storage:Provider is SqlServer but ConnectionStrings:{StorageOptions.ConnectionStringName} is empty.")
            .Validate(o => o.Provider != StorageProvider.Sqlite
                    || !string.IsNullOrWhiteSpace(o.ConnectionString) || !string.IsNullOrWhiteSpace(o.SqlitePath),
                "Storage:SqlitePath is empty.");

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISqlDialect>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
            {
                StorageProvider.SqlServer => new SqlServerDialect(),
                _ => new SqliteDialect(),
            });
        services.TryAddSingleton<IDbConnectionFactory, DbConnectionFactory>();
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<IDatabaseMigrator>(sp => sp.GetRequiredService<DatabaseMigrator>());
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        services.TryAddSingleton<ISubmissionStore, SubmissionRepository>();
        services.TryAddSingleton<MailRepository>();
        services.TryAddSingleton<IMailStore>(sp => sp.GetRequiredService<MailRepository>());
        services.TryAddSingleton<IReportLog>(sp => sp.GetRequiredService<MailRepository>());
        return services;
    }
}
