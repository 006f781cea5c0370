using CleaNum.Core.Consolidation;
using CleaNum.Core.Ports;
using CleaNum.Worker.Consolidation;

namespace CleaNum.Worker.Cli;

/// <summary>The machine-readable shapes of <c>consolidate --json</c> (service.md) and of the status list.</summary>
internal static class ConsolidationJson
{
    /// <summary><c>{"annex":…,"members":N,"establishments":N,"cvSample":{"required":N,"selected":N,"rule":"…"},"issues":[…]}</c>,
    /// plus <c>cvs</c> and <c>tables</c> (the Word attachments PJ2 and PJ3), <c>status</c> (the status workbook), <c>included</c>, <c>exitCode</c> and, on failure, <c>error</c>.
    /// <c>members</c> counts the members retained in the annex; issues are the network-level ones, each with its member.</summary>
    public static object ToJsonObject(ConsolidationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        NetworkConsolidation? c = outcome.Consolidation;
        if (!outcome.Written || c is null)
        {
            return new { annex = (string?)null, error = outcome.Failure, exitCode = outcome.ExitCode };
        }

        return new
        {
            annex = outcome.AnnexPath,
            cvs = outcome.CvDocumentPath,
            tables = outcome.TablesDocumentPath,
            members = c.IncludedMembers.Count(),
            establishments = c.Establishments.Count,
            cvSample = new { required = c.CvSample.Required, selected = c.CvSample.SelectedCount, rule = c.CvSample.Rule },
            issues = c.NetworkIssues.Select(i => new
            {
                member = i.Siren is null ? null : new { siren = i.Siren, name = i.MemberName },
                severity = JsonOutput.Severity(i.Issue.Severity),
                code = i.Issue.Code,
                sheet = i.Issue.Sheet,
                row = i.Issue.Row,
                column = i.Issue.Column,
                value = i.Issue.Value,
                message = i.Issue.Message,
                hint = i.Issue.Hint,
            }),
            status = outcome.StatusPath,
            knownMembers = c.Members.Count,
            states = new
            {
                valide = c.CountByState(MemberState.Valid),
                avecAvertissements = c.CountByState(MemberState.WithWarnings),
                enErreur = c.CountByState(MemberState.InError),
                manquant = c.CountByState(MemberState.Missing),
            },
            nationalCoverage = c.NationalCoverage,
            exitCode = outcome.ExitCode,
        };
    }

    /// <summary>One object per member (roster members who sent nothing included), for <c>status --json</c>.</summary>
    public static object StatusJsonObject(NetworkConsolidation c, IReadOnlyDictionary<string, MemberFollowUp>? followUp = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        followUp ??= new Dictionary<string, MemberFollowUp>();
        MemberFollowUp Of(string siren) => followUp.TryGetValue(siren, out MemberFollowUp? f) ? f : MemberFollowUp.None;
        return new
        {
            campaign = c.Campaign,
            members = c.Members.Select(m => new
            {
                siren = m.Siren,
                name = m.Name,
                file = m.Latest?.FileName,
                receivedAt = m.Latest?.ReceivedAtUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                state = MemberStates.Label(m.State),
                version = m.Latest?.Version,
                errors = m.ErrorCount,
                warnings = m.WarningCount,
                inAnnex = m.Included,
                contact = Of(m.Siren).ContactEmail,
                mandate = m.RosterEntry is null ? null : new
                {
                    received = m.RosterEntry.MandateReceived,
                    date = m.RosterEntry.MandateDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                },
                report = Of(m.Siren).ReportPath,
                lastMail = Of(m.Siren).LastMail is { } mail ? new
                {
                    kind = mail.Kind.ToString().ToLowerInvariant(),
                    to = mail.To,
                    state = mail.State.ToString().ToLowerInvariant(),
                    at = (mail.SentAtUtc ?? mail.CreatedAtUtc).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    error = mail.LastError,
                } : null,
            }),
        };
    }
}
