using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;

namespace CleaNum.Worker.Consolidation;

/// <summary>What the status workbook shows beside each member and is not the consolidation's: reports re-issued when
/// the roster changed their verdict, then each member's contact, latest report and latest message. Implemented on the
/// mail side (<see cref="Mail.MailFollowUp"/>); without it the status workbook has no follow-up columns filled.</summary>
internal interface IMemberFollowUpSource
{
    Task<IReadOnlyDictionary<string, MemberFollowUp>> FollowUpAsync(NetworkConsolidation consolidation, NetworkRoster? roster, CancellationToken cancellationToken);
}
