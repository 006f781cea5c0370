using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Service;

/// <summary>Section <c>CleaNum:Inbox</c>: how the service watches <c>depot/</c>.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "CleaNum:Inbox";

    /// <summary>A file is taken once its size and time have not changed for this long (and it opens exclusively).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan StabilityDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The rescan job lists <c>depot/</c> this often, in case the file watcher missed an event.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "1.00:00:00")]
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First wait after the database was unavailable; doubled at each new failure up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between two attempts while the database stays unavailable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A file found unreadable (truncated zip/BIFF) less than this after its last change is still being written:
    /// it goes back to <c>depot/</c> and is tried again; only one unchanged for this long is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan UnreadableGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A file whose ingestion failed unexpectedly this many times is moved to <c>refuses/</c>.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;
}

[OptionsValidator]
public sealed partial class InboxOptionsValidator : IValidateOptions<InboxOptions>;
