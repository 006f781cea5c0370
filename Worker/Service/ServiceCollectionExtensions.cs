using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CleaNum.Worker.Service;

internal static class ServiceCollectionExtensions
{
    /// <summary>The consolidation job and its trigger: needed by the service and by the one-shot verbs alike.</summary>
    public static IServiceCollection AddCleaNumConsolidationRunner(this IServiceCollection services)
    {
        services.AddSingleton<WorkGate>();
        services.AddScoped<IConsolidationRunner, ConsolidationRunner>();
        return services;
    }

    /// <summary>
    /// The long-running part (<c>cleanum run</c>): watcher, dispatcher, Quartz (rescan job, consolidation cron and
    /// on-demand trigger). Call after storage, so the schema is migrated before the dispatcher starts.
    /// </summary>
    public static IServiceCollection AddCleaNumService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<InboxOptions, InboxOptionsValidator>()
            .BindConfiguration(InboxOptions.SectionName)
            .Validate(o => o.MaxRetryDelay >= o.RetryDelay, "CleaNum:Inbox:MaxRetryDelay must be at least RetryDelay.");
        services.AddOptionsWithValidateOnStart<ScheduleOptions, ScheduleOptionsValidator>()
            .BindConfiguration(ScheduleOptions.SectionName)
            .Validate(o => ScheduleOptions.IsValidCron(o.Cron), "CleaNum:Consolidation:Cron is not a valid Quartz cron expression (e.g. \"0 0 6 * * ?\").")
            .Validate(o => ScheduleOptions.IsKnownZone(o.TimeZone), "CleaNum:Consolidation:TimeZone is not a known time zone (e.g. \"Europe/Paris\").");

        services.AddSingleton<InboxQueue>();
        services.AddSingleton<IConsolidationTrigger, QuartzConsolidationTrigger>();
        services.AddHostedService<InboxWatcher>();
        services.AddSingleton<SubmissionDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SubmissionDispatcher>());
        services.AddHostedService<ConsolidationCatchUp>();
        services.AddHostedService<RosterWatcher>();

        // Read here because Quartz schedules are declared at registration; the same values are validated at start.
        var inbox = configuration.GetSection(InboxOptions.SectionName).Get<InboxOptions>() ?? new InboxOptions();
        var schedule = configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();

        var reminders = configuration.GetSection(Mail.ReminderOptions.SectionName).Get<Mail.ReminderOptions>() ?? new Mail.ReminderOptions();

        services.AddScoped<InboxRescanJob>();
        services.AddScoped<Mail.ReminderJob>();
        services.AddScoped<ConsolidationJob>();
        services.AddScoped<RetentionJob>();
        var retention = configuration.GetSection(Retention.RetentionOptions.SectionName).Get<Retention.RetentionOptions>() ?? new Retention.RetentionOptions();
        services.AddQuartz(q =>
        {
            q.AddJob<ConsolidationJob>(job => job.WithIdentity(ConsolidationJob.Key).StoreDurably());
            if (schedule.Enabled && ScheduleOptions.IsValidCron(schedule.Cron) && ScheduleOptions.IsKnownZone(schedule.TimeZone))
            {
                q.AddTrigger(trigger => trigger
                    .WithIdentity(ConsolidationJob.CronTrigger)
                    .ForJob(ConsolidationJob.Key)
                    .WithCronSchedule(schedule.Cron, cron => cron
                        .InTimeZone(schedule.Zone())
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }

            // Reminders: their own cron, off by default (service.md « Schedule »).
            if (!string.IsNullOrWhiteSpace(reminders.Cron) && ScheduleOptions.IsValidCron(reminders.Cron) && ScheduleOptions.IsKnownZone(reminders.TimeZone))
            {
                q.AddJob<Mail.ReminderJob>(job => job.WithIdentity(Mail.ReminderJob.Key).StoreDurably());
                q.AddTrigger(trigger => trigger
                    .WithIdentity(Mail.ReminderJob.CronTrigger)
                    .ForJob(Mail.ReminderJob.Key)
                    .WithCronSchedule(reminders.Cron, cron => cron
                        .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(reminders.TimeZone))
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }

            if (retention.Enabled && ScheduleOptions.IsValidCron(retention.Cron) && ScheduleOptions.IsKnownZone(schedule.TimeZone))
            {
                // service.md « Retention »: the monthly purge of superseded versions' personal data
                q.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key).StoreDurably());
                q.AddTrigger(trigger => trigger
                    .WithIdentity(RetentionJob.Trigger)
                    .ForJob(RetentionJob.Key)
                    .WithCronSchedule(retention.Cron, cron => cron
                        .InTimeZone(schedule.Zone())
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }

            q.ScheduleJob<InboxRescanJob>(
                trigger => trigger
                    .WithIdentity("inbox-rescan", "cleanum")
                    .StartAt(TimeProvider.System.GetUtcNow() + inbox.RescanInterval) // at registration: no provider built yet
                    .WithSimpleSchedule(s => s.WithInterval(inbox.RescanInterval).RepeatForever()),
                job => job.WithIdentity(InboxRescanJob.Key));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
