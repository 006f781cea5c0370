using System.Collections.Immutable;
using CleaNum.Core.Ports;

namespace CleaNum.Worker.Ingest;

/// <summary>
/// Without a roster the network size of annex.md is the SIRENs that sent a file this campaign (plus the file's own
/// SIREN when it is new). Asking the database for them before every file made a batch quadratic (the thousandth
/// file read 999 SIRENs back): this keeps the set for a run of files, loaded once per campaign from the store and
/// completed with each SIREN stored meanwhile (<see cref="Stored"/>). <see cref="Forget"/> drops it: the service does so
/// whenever its queue runs dry and after a purge, so that changes made by another process (a purge of a member) are
/// seen by the next file after a pause.
/// </summary>
internal sealed class CampaignMembers(ISubmissionStore store)
{
    private readonly Lock _gate = new();
    private (int Campaign, ImmutableHashSet<string> Sirens)? _known;

    /// <summary>The SIRENs that sent a file in <paramref name="campaign"/> before the file now being ingested. The set
    /// returned is never changed afterwards (a SIREN stored later makes a new set).</summary>
    public async Task<IReadOnlySet<string>> GetAsync(int campaign, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_known is { } known && known.Campaign == campaign)
            {
                return known.Sirens;
            }
        }

        ImmutableHashSet<string> loaded = (await store.GetMemberSirensAsync(campaign, cancellationToken)).ToImmutableHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            _known = (campaign, loaded);
        }

        return loaded;
    }

    /// <summary>A submission of <paramref name="siren"/> was stored in <paramref name="campaign"/>.</summary>
    public void Stored(int campaign, string? siren)
    {
        if (siren is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_known is { } known && known.Campaign == campaign)
            {
                // an immutable set: one handed out by GetAsync stays as it was, and adding does not copy the whole set
                _known = (campaign, known.Sirens.Add(siren));
            }
        }
    }

    /// <summary>The next file asks the store again.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _known = null;
        }
    }
}
