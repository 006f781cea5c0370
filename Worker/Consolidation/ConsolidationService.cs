using CleaNum.Core;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleaNum.Worker.Consolidation;

/// <summary>
/// The consolidation that <c>cleanum consolidate</c>, <c>cleanum status</c> and the scheduled / on-demand job all call:
/// reads every member's current version and latest file from the store, the roster from <c>reseau.xlsx</c>, runs
/// <see cref="NetworkConsolidator"/>, writes the dossier (PJ1 workbook, PJ2 and PJ3 Word attachments) and the status
/// workbook into <c>annexe/</c>.
/// Campaign: roster (Campagne), else <c>CleaNum:Campaign</c>, else the current year in Paris.
/// Network head: roster (Raison sociale), else <c>CleaNum:NetworkHeadName</c>.
/// </summary>
internal sealed class ConsolidationService(
    ISubmissionStore store,
    IRosterSource rosterSource,
    DataFolder data,
    IOptions<CleaNumOptions> options,
    IOptions<AnnexOptions> annexOptions,
    IAnnexWriter annexWriter,
    IDossierDocumentsWriter documentsWriter,
    IStatusWorkbookWriter statusWriter,
    TimeProvider time,
    ILogger<ConsolidationService> logger,
    IMemberFollowUpSource? followUps = null)
{
    /// <summary>Consolidates and writes the annex and the status workbook. Never throws for storage or file-system
    /// failures: they come back as <see cref="ConsolidationOutcome.Failure"/> (exit code 2).</summary>
    public async Task<ConsolidationOutcome> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            NetworkConsolidation consolidation = await ConsolidateAsync(cancellationToken);
            IReadOnlyDictionary<string, MemberFollowUp> followUp = await FollowUpAsync(consolidation, cancellationToken);
            DateTimeOffset now = time.GetUtcNow();
            Directory.CreateDirectory(data.Annex);
            string annex = annexWriter.Write(consolidation, data.Annex, now);
            DossierDocuments documents = documentsWriter.Write(consolidation, data.Annex, now);
            string status = statusWriter.Write(consolidation, followUp, data.Annex, now);
            int included = consolidation.IncludedMembers.Count();
            logger.Consolidated(annex, included, consolidation.Establishments.Count, consolidation.NetworkIssues.Count);
            return new ConsolidationOutcome(Relative(annex), Relative(status), consolidation, null)
            {
                CvDocumentPath = Relative(documents.CvPath),
                TablesDocumentPath = Relative(documents.TablesPath),
            };
        }
        catch (Exception ex) when (ex is Core.Ports.StoreUnavailableException or IOException or UnauthorizedAccessException)
        {
            logger.ConsolidationFailed(ex);
            return ConsolidationOutcome.Failed($"La consolidation a échoué : {ex.Message}");
        }
    }

    /// <summary>Writes only the status workbook (for <c>cleanum status</c>); returns the consolidation, each member's
    /// follow-up and the workbook's path.</summary>
    public async Task<(NetworkConsolidation Consolidation, IReadOnlyDictionary<string, MemberFollowUp> FollowUp, string StatusPath)> WriteStatusAsync(CancellationToken cancellationToken)
    {
        NetworkConsolidation consolidation = await ConsolidateAsync(cancellationToken);
        IReadOnlyDictionary<string, MemberFollowUp> followUp = await FollowUpAsync(consolidation, cancellationToken);
        Directory.CreateDirectory(data.Annex);
        string status = statusWriter.Write(consolidation, followUp, data.Annex, time.GetUtcNow());
        return (consolidation, followUp, Relative(status));
    }

    /// <summary>Re-issues the reports whose verdict the roster changed, then gathers each member's follow-up (contact
    /// address, latest report, latest message) for the status workbook.</summary>
    private async Task<IReadOnlyDictionary<string, MemberFollowUp>> FollowUpAsync(NetworkConsolidation consolidation, CancellationToken cancellationToken)
    {
        return followUps is null
            ? new Dictionary<string, MemberFollowUp>()
            : await followUps.FollowUpAsync(consolidation, rosterSource.Load(cancellationToken), cancellationToken);
    }

    /// <summary>Reads the store and the roster and consolidates, writing nothing.</summary>
    public async Task<NetworkConsolidation> ConsolidateAsync(CancellationToken cancellationToken)
    {
        NetworkRoster? roster = rosterSource.Load(cancellationToken);
        CleaNumOptions general = options.Value;
        int campaign = general.CampaignYear(roster, time);

        IReadOnlyList<Submission> current = await store.GetCurrentVersionsAsync(campaign, cancellationToken);
        IReadOnlyList<MemberStatus> latest = await store.GetMemberStatusesAsync(campaign, cancellationToken);

        // Full histories only where they matter: several files under one SIREN (possible SIREN_CONFLICT, older version
        // used) or a refused latest file (its issues go to Anomalies).
        var versions = new Dictionary<string, IReadOnlyList<Submission>>(StringComparer.Ordinal);
        foreach (MemberStatus m in latest.Where(m => m.Version > 1 || m.Status == SubmissionStatus.Refused))
        {
            IReadOnlyList<Submission> history = await store.GetVersionsAsync(m.Siren, cancellationToken);

            // Several names for one SIREN: the organisation data (NDA, contact) tells a rename from a conflict.
            if (ConsolidationInput.HasSeveralNames(history))
            {
                var loaded = new List<Submission>(history.Count);
                foreach (Submission version in history)
                {
                    loaded.Add(await store.GetAsync(version.Id, cancellationToken) ?? version);
                }

                history = loaded;
            }

            versions[m.Siren] = history;
        }

        var input = new ConsolidationInput(campaign, general.NetworkHeadName, roster, current, latest, versions);
        return NetworkConsolidator.Consolidate(input, annexOptions.Value.ToSettings());
    }

    private string Relative(string path) =>
        DataFolder.IsInside(path, data.Root) ? Path.GetRelativePath(data.Root, path).Replace('\\', '/') : path;
}
