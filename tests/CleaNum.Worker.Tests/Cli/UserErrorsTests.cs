using CleaNum.Core.Ports;
using CleaNum.Worker.Cli;

namespace CleaNum.Worker.Tests.Cli;

/// <summary>The Worker reads the database's faults from Core's port exception and its reason, never from a provider's
/// exception type: the same French sentences as for a full disk or a read-only folder anywhere else.</summary>
public sealed class UserErrorsTests
{
    [Fact]
    public void Says_the_disk_is_full_when_the_store_says_so()
    {
        var full = new StoreUnavailableException("Base de données injoignable : Sqlite — /srv/cleanum/cleanum.db.", isTransient: true, null)
        {
            Reason = StoreFailureReason.DiskFull,
        };

        string? sentence = UserErrors.Describe(full, "/srv/cleanum");

        Assert.StartsWith("Erreur : le disque est plein dans « /srv/cleanum »", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_it_cannot_write_when_the_store_is_read_only()
    {
        var readOnly = new StoreUnavailableException("Erreur de la base de données : Sqlite — /srv/cleanum/cleanum.db.", isTransient: false, null)
        {
            Reason = StoreFailureReason.ReadOnly,
        };

        string? sentence = UserErrors.Describe(new AggregateException(readOnly), "/srv/cleanum");

        Assert.StartsWith("Erreur : impossible d'écrire dans « /srv/cleanum »", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeats_the_store_s_own_french_message_for_any_other_reason()
    {
        var other = new StoreUnavailableException("Connexion refusée par le serveur : SqlServer — db.example.", isTransient: false, null);

        Assert.Equal("Erreur : Connexion refusée par le serveur : SqlServer — db.example.", UserErrors.Describe(other, "/srv/cleanum"));
    }
}
