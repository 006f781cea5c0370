using CleaNum.Worker.Service;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Tests.Platform;

/// <summary>The watcher after a share outage: re-created as many times as needed, not once.</summary>
public sealed class InboxWatcherTests
{
    [Fact]
    public async Task Rearms_the_watcher_when_the_share_comes_back_after_several_failed_attempts()
    {
        string root = Directory.CreateTempSubdirectory("cleanum-watch-").FullName;
        var data = new DataFolder(root);
        var queue = new InboxQueue();
        var options = Options.Create(new InboxOptions { RescanInterval = TimeSpan.FromMilliseconds(200) });
        using var watcher = new InboxWatcher(data, queue, options, TimeProvider.System, NullLogger<InboxWatcher>.Instance);
        try
        {
            await watcher.StartAsync(CancellationToken.None);
            Assert.True(watcher.IsArmed);

            // the share goes away: depot/ is gone and the watcher reports an error
            Directory.Delete(data.Depot, recursive: true);
            watcher.OnFault(new IOException("The specified network name is no longer available."));
            await Task.Delay(TimeSpan.FromMilliseconds(900)); // several retry periods while it is still away
            bool armedWhileAway = watcher.IsArmed;
            queue.Drain();

            // the share comes back
            Directory.CreateDirectory(data.Depot);
            // (Rearmed is counted just after the new watcher is armed: wait for both, a loaded machine can pause in between)
            Assert.True(await Service.ServiceFixture.WaitUntilAsync(() => watcher.IsArmed && watcher.Rearmed > 0, TimeSpan.FromSeconds(10)));
            string dropped = Path.Combine(data.Depot, "apres-coupure.xlsx");
            await File.WriteAllTextAsync(dropped, "x");
            bool hinted = await Service.ServiceFixture.WaitUntilAsync(() => queue.Drain().Hints.Contains(dropped), TimeSpan.FromSeconds(10));

            Assert.False(armedWhileAway);
            Assert.Equal(1, watcher.Rearmed);
            Assert.True(hinted);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
            Directory.Delete(root, recursive: true);
        }
    }
}
