using System.Collections.Concurrent;

namespace CleaNum.Worker.Web;

/// <summary>Lockout after failed sign-ins: <see cref="WebOptions.MaxFailedSignIns"/> failures from one address lock it
/// out for <see cref="WebOptions.LockoutDuration"/> (even with the right password meanwhile). In memory: a restart
/// clears it, which an attacker cannot trigger from the dashboard.</summary>
internal sealed class SignInGuard(WebOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Attempts> _attempts = new(StringComparer.Ordinal);

    public bool IsLockedOut(string client) =>
        _attempts.TryGetValue(client, out Attempts? a) && a.LockedUntil is { } until && until > time.GetUtcNow();

    public void Failed(string client)
    {
        DateTimeOffset now = time.GetUtcNow();
        _attempts.AddOrUpdate(client,
            _ => new Attempts(1, options.MaxFailedSignIns <= 1 ? now + options.LockoutDuration : null),
            (_, a) =>
            {
                int failures = a.LockedUntil is { } until && until <= now ? 1 : a.Failures + 1; // a lockout served starts afresh
                return new Attempts(failures, failures >= options.MaxFailedSignIns ? now + options.LockoutDuration : null);
            });
    }

    public void Succeeded(string client) => _attempts.TryRemove(client, out _);

    private sealed record Attempts(int Failures, DateTimeOffset? LockedUntil);
}
