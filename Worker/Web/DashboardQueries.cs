using System.Globalization;
using System.Text;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Worker.Consolidation;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Web;

/// <summary>What the pages show, read from the same places as <c>status</c> and <c>consolidate</c>: the consolidation
/// (store + roster, nothing written), the latest received files, and the files of <c>annexe/</c> and
/// <c>rapports/</c>. A snapshot is reused while the fingerprint (latest file, annex folder, roster) is unchanged.</summary>
internal sealed class DashboardQueries(
    ConsolidationService consolidation,
    ISubmissionStore store,
    IMailStore mails,
    DataFolder data,
    IOptions<CleaNumOptions> options,
    TimeProvider time) : IDisposable
{
    public const int RecentCount = 30;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private DashboardSnapshot? _last;

    /// <summary>Changes whenever a page could show something new (polled by the pages' script).</summary>
    public async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Submission> latest = await store.GetRecentAsync(1, cancellationToken);
        var text = new StringBuilder();
        text.Append(latest.Count == 0 ? "0" : latest[0].Id.ToString(CultureInfo.InvariantCulture));
        foreach (AnnexFile file in AnnexFiles())
        {
            text.Append('|').Append(file.Name).Append(':').Append(file.Size).Append(':').Append(file.WrittenAtUtc.Ticks);
        }

        var roster = new FileInfo(data.RosterPath);
        text.Append("|r").Append(roster.Exists ? roster.LastWriteTimeUtc.Ticks : 0);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    public async Task<DashboardSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            string fingerprint = await FingerprintAsync(cancellationToken);
            if (_last is not null && _last.Fingerprint == fingerprint)
            {
                return _last;
            }

            NetworkConsolidation network = await consolidation.ConsolidateAsync(cancellationToken);
            IReadOnlyList<Submission> recent = await store.GetRecentAsync(RecentCount, cancellationToken);
            IReadOnlyDictionary<string, MemberMail> lastMail = await mails.GetLatestPerMemberAsync(null, cancellationToken);
            DateOnly deadline = options.Value.SubmissionDeadline ?? new DateOnly(network.Campaign, 12, 31);
            _last = new DashboardSnapshot(fingerprint, network, recent, AnnexFiles(), deadline, time.GetUtcNow()) { LastMail = lastMail };
            return _last;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    public Task<IReadOnlyList<Submission>> VersionsAsync(string siren, CancellationToken cancellationToken) =>
        store.GetVersionsAsync(siren, cancellationToken);

    /// <summary>The files of <c>annexe/</c> (annexes, status workbook, Word files…), newest first.</summary>
    public IReadOnlyList<AnnexFile> AnnexFiles() => ListFiles(data.Annex);

    /// <summary>The reports and annotated copies of one member (<c>rapports/&lt;SIREN or file stem&gt;/</c>), newest first.</summary>
    public IReadOnlyList<AnnexFile> ReportFiles(string? siren, string fileName) =>
        ListFiles(data.ReportFolder(siren, fileName));

    public string Link(string fullPath) => DownloadableFiles.Link(data, fullPath);

    private static IReadOnlyList<AnnexFile> ListFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. new DirectoryInfo(folder).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && !f.Name.StartsWith("~$", StringComparison.Ordinal)
                        && !f.Name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) && !f.Name.Contains(".tmp.", StringComparison.OrdinalIgnoreCase)
                        && f.LinkTarget is null)
            .Select(f => new AnnexFile(f.Name, f.FullName, f.Length, f.LastWriteTimeUtc))
            .OrderByDescending(f => f.WrittenAtUtc).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }
}

/// <summary>Everything the overview, members, annex and events pages show, taken at one moment.</summary>
internal sealed record DashboardSnapshot(
    string Fingerprint,
    NetworkConsolidation Network,
    IReadOnlyList<Submission> Recent,
    IReadOnlyList<AnnexFile> Annex,
    DateOnly Deadline,
    DateTimeOffset TakenAt)
{
    /// <summary>The members the campaign expects: the roster's, else every member known.</summary>
    public int ExpectedMembers => Network.HasRoster ? Math.Max(Network.Members.Count(m => m.RosterEntry is not null), 1) : Network.Members.Count;

    /// <summary>Members whose dossier is usable (valide or avec avertissements).</summary>
    public int UsableMembers => Network.CountByState(MemberState.Valid) + Network.CountByState(MemberState.WithWarnings);

    public ConsolidatedMember? Member(string siren) => Network.Members.FirstOrDefault(m => m.Siren == siren);

    /// <summary>Each member's latest e-mail (report, re-issue, duplicate or reminder), keyed by SIREN; empty when
    /// <c>Mail:Mode</c> is Off and nothing was ever written.</summary>
    public IReadOnlyDictionary<string, MemberMail> LastMail { get; init; } = new Dictionary<string, MemberMail>();

    public string LastMailText(string siren) => LastMail.TryGetValue(siren, out MemberMail? mail) ? MailStates.Describe(mail) : "—";
}

internal sealed record AnnexFile(string Name, string FullPath, long Size, DateTime WrittenAtUtc);
