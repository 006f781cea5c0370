using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;

namespace CleaNum.Worker.Ingest;

internal sealed partial class IngestPipeline
{
    /// <summary>
    /// A file that made <see cref="IngestAsync"/> fail <paramref name="attempts"/> times for a reason that is neither the
    /// database nor another program holding it: refused through the pipeline like any refused file — a row (refused,
    /// no member data, one <c>FILE_UNREADABLE</c> issue saying why), a report, <c>refuses/</c> — never retried forever.
    /// When its submission was already stored (the failure came later: report, e-mail, move), it is finished as stored,
    /// exactly as a resumed file.
    /// </summary>
    public async Task<IngestOutcome> QuarantineAsync(string sourcePath, int attempts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        return await ClaimedAsync(sourcePath, async (claimed, originalName, input, _) =>
        {
            (string sha256, long size) = Hash(claimed, cancellationToken);
            Submission? existing = await store.FindBySha256Async(sha256, cancellationToken);
            if (existing is not null)
            {
                return await FinishKnownAsync(claimed, originalName, input, existing, cancellationToken);
            }

            NetworkRoster? roster = rosters.Load(cancellationToken);
            Issue failed = IssueCatalog.Create(
                IssueCodes.FileUnreadable,
                message: $"Le fichier n'a pas pu être traité : son intégration a échoué {attempts} fois de suite sur une erreur interne de CleaNum. Il n'est donc pas pris en compte.",
                hint: "Prévenez la tête de réseau (le détail technique est dans le journal du service CleaNum).");
            var submission = new Submission
            {
                FileName = originalName,
                Sha256 = sha256,
                ReceivedAtUtc = time.GetUtcNow().UtcDateTime,
                Size = size,
                Status = SubmissionStatus.Refused,
                Campaign = options.Value.CampaignYear(roster, time),
                Issues = [failed],
            };
            StoreResult stored = await store.AddAsync(submission, cancellationToken);
            database.EnsurePresent(); // as for any file: stored into a deleted database is not stored
            return stored.IsDuplicate
                ? await FinishKnownAsync(claimed, originalName, input, stored.Submission, cancellationToken)
                : await FinishAsync(claimed, input, stored.Submission, SubmissionStatus.Refused, stored.Submission.Issues, duplicateOf: null, roster, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// The last resort when even <see cref="QuarantineAsync"/> fails the same way: the file goes to <c>refuses/</c>
    /// (under the name and sha256 prefix the pipeline gives it) without a report, rather than being retried forever.
    /// Returns its path relative to the data folder.
    /// </summary>
    public string SetAside(string sourcePath)
    {
        (string sha256, _) = Hash(sourcePath, CancellationToken.None);
        string target = data.FinalPath(refused: true, time.GetUtcNow(), sha256, Path.GetFileName(sourcePath));
        return Relative(MoveToFinal(sourcePath, target));
    }
}
