using CleaNum.Worker.Mail;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleaNum.Worker.Tests.Service;

/// <summary>Every cron of the service (consolidation, reminders, retention) resolves its zone through the one resolver,
/// <see cref="Core.TimeZones"/>: what validation accepts, the trigger uses.</summary>
public sealed class ScheduleTests
{
    [Theory]
    [InlineData(" Europe/Paris ")] // a stray space in an environment variable: accepted by validation (trimmed)
    [InlineData("romance standard time")] // the Windows id in another case: accepted through the resolver's pairs
    public async Task The_reminders_trigger_uses_the_zone_validation_accepted(string zone)
    {
        Assert.NotNull(Core.TimeZones.Find(zone)); // validation lets it through
        await using var service = ServiceFixture.Create(settings: new Dictionary<string, string?>
        {
            ["CleaNum:Reminders:Cron"] = "0 0 9 ? * MON",
            ["CleaNum:Reminders:TimeZone"] = zone,
        });
        await service.StartAsync();

        IScheduler scheduler = await service.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var cron = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(ReminderJob.CronTrigger));

        Assert.Equal(TimeSpan.FromHours(2), cron.TimeZone.GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(1), cron.TimeZone.GetUtcOffset(new DateTime(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(ReminderJob.Key, cron.JobKey);
    }
}
