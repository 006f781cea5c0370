using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Worker.Consolidation;

namespace CleaNum.Worker.Mail;

/// <summary>The mail side of the status workbook (<see cref="IMemberFollowUpSource"/>): re-issues the reports whose
/// verdict the roster changed, then gathers each member's follow-up.</summary>
internal sealed class MailFollowUp(ReportReissuer reissuer, MemberFollowUps followUps) : IMemberFollowUpSource
{
    public async Task<IReadOnlyDictionary<string, MemberFollowUp>> FollowUpAsync(NetworkConsolidation consolidation, NetworkRoster? roster, CancellationToken cancellationToken)
    {
        await reissuer.ReissueChangedAsync(consolidation, roster, cancellationToken);
        return await followUps.ForAsync(consolidation, roster, cancellationToken);
    }
}
