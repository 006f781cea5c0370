using CleaNum.Worker.Consolidation;
using CleaNum.Core;
using CleaNum.Core.Domain;
using CleaNum.Export;
using CleaNum.Import;
using CleaNum.Mail;
using CleaNum.Worker.Mail;
using CleaNum.Storage;
using CleaNum.Worker.Ingest;
using CleaNum.Worker.Service;
using CleaNum.Worker.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.EventLog;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Hosting;

/// <summary>The composition root: one host for the service and for the one-shot verbs.</summary>
internal static class CleaNumHost
{
    /// <summary>The Event Log source the install steps register (<c>New-EventLog -LogName Application -Source CleaNum</c>).</summary>
    public const string EventLogSource = "CleaNum";

    /// <param name="settings">Extra configuration applied after appsettings and the environment (tests use it for short
    /// delays), before the command-line options.</param>
    public static HostApplicationBuilder CreateBuilder(GlobalOptions globals, bool service, IReadOnlyDictionary<string, string?>? settings = null)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });

        var overrides = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(globals.DataPath))
        {
            overrides[$"{CleaNumOptions.SectionName}:{nameof(CleaNumOptions.DataPath)}"] = globals.DataPath;
        }

        if (!string.IsNullOrWhiteSpace(globals.Database))
        {
            overrides["Storage:ConnectionString"] = globals.Database;
        }

        // CLEANUM__Storage__Provider=SqlServer → Storage:Provider (service.md); command-line options win.
        builder.Configuration.AddEnvironmentVariables("CLEANUM__");
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        // Under the Windows service manager the current directory is C:\Windows\System32: relative paths (the default
        // "cleanum-data" included) are resolved against %ProgramData%\CleaNum instead (docs/service.md).
        string? serviceBase = service && OperatingSystem.IsWindows() && WindowsServiceHelpers.IsWindowsService() ? DataFolder.WindowsServiceBase : null;
        string dataPath = DataFolder.ResolveRoot(
            builder.Configuration[$"{CleaNumOptions.SectionName}:{nameof(CleaNumOptions.DataPath)}"] ?? DataFolder.DefaultPath, serviceBase);
        var data = new DataFolder(dataPath);
        string? sqlitePath = builder.Configuration["Storage:SqlitePath"];
        // The embedded database lives in the data folder unless configured elsewhere.
        builder.Configuration.AddInMemoryCollection([
            new($"{CleaNumOptions.SectionName}:{nameof(CleaNumOptions.DataPath)}", dataPath),
            new("Storage:SqlitePath", string.IsNullOrWhiteSpace(sqlitePath) ? data.DatabasePath : DataFolder.ResolveRoot(sqlitePath, serviceBase)),
        ]);

        // Logs go to stderr only (stdout is for --json); under systemd the console switches to journal format by itself,
        // and Logging:Console:FormatterName=json gives JSON lines.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (!service)
        {
            // one-shot verbs: only problems on stderr (appsettings' Information default is for the service)
            builder.Logging.AddFilter(null, LogLevel.Warning);
        }

        builder.Services.AddCleaNumStorage(); // first: its migrator is the first hosted service to start
        builder.Services.AddOptionsWithValidateOnStart<CleaNumOptions, CleaNumOptionsValidator>()
            .BindConfiguration(CleaNumOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(data);
        builder.Services.AddCleaNumCore();
        builder.Services.AddCleaNumImport();
        builder.Services.AddCleaNumExport();
        builder.Services.AddSingleton<IRosterSource, WorkbookRosterSource>();
        builder.Services.AddCleaNumConsolidation();
        builder.Services.AddCleaNumMail();
        builder.Services.PostConfigure<MailOptions>(o =>
        {
            o.OutboxPath ??= data.Outbox;
            o.AttachmentRoot ??= data.Root;
        });
        builder.Services.AddSingleton<MailSignal>();
        builder.Services.AddSingleton<MailDelivery>();
        builder.Services.AddSingleton<MemberMailer>();
        builder.Services.AddSingleton<MemberFollowUps>();
        builder.Services.AddSingleton<ReportReissuer>();
        builder.Services.AddSingleton<IMemberFollowUpSource, MailFollowUp>();
        builder.Services.AddSingleton<ReminderService>();
        builder.Services.AddOptionsWithValidateOnStart<ReminderOptions, ReminderOptionsValidator>()
            .BindConfiguration(ReminderOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.Cron) || ScheduleOptions.IsValidCron(o.Cron),
                "CleaNum:Reminders:Cron n'est pas une expression cron Quartz valide (par exemple « 0 0 9 ? * MON »).")
            .Validate(o => ScheduleOptions.IsKnownZone(o.TimeZone), "CleaNum:Reminders:TimeZone n'est pas un fuseau horaire connu.");
        builder.Services.AddSingleton<DatabaseGuard>();
        builder.Services.AddOptionsWithValidateOnStart<Retention.RetentionOptions, Retention.RetentionOptionsValidator>()
            .BindConfiguration(Retention.RetentionOptions.SectionName)
            .Validate(o => ScheduleOptions.IsValidCron(o.Cron), "Retention:Cron is not a valid Quartz cron expression (e.g. \"0 0 3 1 * ?\").");
        builder.Services.AddScoped<Retention.RetentionService>();
        builder.Services.AddScoped<IngestPipeline>();
        builder.Services.AddSingleton<FileIngestion>();
        builder.Services.AddSingleton<CampaignMembers>(); // the SIRENs with a file, kept for a run (no roster)
        builder.Services.AddSingleton<WorkGate>(); // consolidation never runs while a file is ingested in this process
        if (service)
        {
            // Both are no-ops unless the process really runs under the Windows service manager / systemd.
            builder.Services.AddWindowsService(o => o.ServiceName = "CleaNum");
            if (OperatingSystem.IsWindows())
            {
                CleaNumServiceLifetime.Register(builder.Services); // a faulted host stops with exit code 1: recovery fires
                ConfigureEventLog(builder.Services, builder.Logging, builder.Configuration);
            }
            builder.Services.AddSystemd();
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25)); // < 30 s budget
            builder.Services.AddCleaNumService(builder.Configuration);
            builder.Services.AddCleaNumWeb(); // the dashboard (section Web), after the service it shows
            builder.Services.AddHostedService<MailDispatcher>();
        }

        return builder;
    }

    /// <summary>
    /// Event Log: source "CleaNum" in the Application log, registered by the install steps (docs/service.md) because
    /// creating a source needs administrator rights the service account does not have; level from
    /// <c>Logging:EventLog:LogLevel:Default</c> (Information in appsettings.json). The host's Windows defaults keep only
    /// warnings for the Event Log; the rule added here, later, wins.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    internal static void ConfigureEventLog(IServiceCollection services, ILoggingBuilder logging, IConfiguration configuration)
    {
        services.Configure<EventLogSettings>(o =>
        {
            o.SourceName = EventLogSource;
            o.LogName = "Application";
        });
        LogLevel level = Enum.TryParse(configuration["Logging:EventLog:LogLevel:Default"], out LogLevel configured) ? configured : LogLevel.Information;
        logging.AddFilter<EventLogLoggerProvider>(null, level);
    }

    public static IHost Build(GlobalOptions globals, bool service, IReadOnlyDictionary<string, string?>? settings = null) =>
        CreateBuilder(globals, service, settings).Build();
}
