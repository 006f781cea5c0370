using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;
using Head = CleaNum.Core.Workbook.NetworkWorkbookSchema.Head;
using Member = CleaNum.Core.Workbook.NetworkWorkbookSchema.Member;

namespace CleaNum.Core.Validation;

/// <inheritdoc />
internal sealed class NetworkRosterParser : INetworkRosterParser
{
    private readonly RosterRecordValidator _headValidator = new(NetworkWorkbookSchema.HeadSheet);
    private readonly RosterRecordValidator _memberValidator = new(NetworkWorkbookSchema.MembersSheet);

    public NetworkRosterResult Parse(RawWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        if (workbook.IsUnreadable)
        {
            return new NetworkRosterResult(null, IssueOrder.Merge([], workbook.Issues, workbook, NetworkWorkbookSchema.Sheets));
        }

        var issues = new List<Issue>();
        NetworkHead head = new("", null, null, null, null);
        if (workbook.Sheet(NetworkWorkbookSchema.Keys.Head) is { } headSheet)
        {
            var record = new RosterRecord(headSheet, headSheet.Records is [var first, ..] ? first : new RawRecord(headSheet.HeaderRow, new Dictionary<string, Cell>()));
            Collect(_headValidator, record, issues);
            head = new NetworkHead(
                record.Text(Head.Name) ?? "",
                record.TryParse(Head.Siren, out string siren) ? siren : null,
                record.TryParse(Head.Campaign, out int campaign) ? campaign : null,
                record.TryParse(Head.CleaActivity, out bool activity) ? activity : null,
                record.Text(Head.Contact));
        }

        NetworkRoster? roster = null;
        if (workbook.Sheet(NetworkWorkbookSchema.Keys.Members) is { } membersSheet)
        {
            var members = new List<RosterMember>();
            foreach (RawRecord raw in membersSheet.Records)
            {
                var record = new RosterRecord(membersSheet, raw);
                Collect(_memberValidator, record, issues);
                if (record.TryParse(Member.Siren, out string siren))
                {
                    members.Add(new RosterMember(
                        record.Row,
                        siren,
                        record.Text(Member.Name),
                        record.TryParse(Member.MandateReceived, out bool received) ? received : null,
                        record.TryParse(Member.MandateDate, out DateOnly date) ? date : null)
                    {
                        Email = record.TryParse(Member.Email, out string email) ? email : null,
                    });
                }
            }

            roster = new NetworkRoster(head, members);
        }

        return new NetworkRosterResult(roster, IssueOrder.Merge(issues, workbook.Issues, workbook, NetworkWorkbookSchema.Sheets));
    }

    private static void Collect(RosterRecordValidator validator, RosterRecord record, List<Issue> issues) =>
        issues.AddRange(validator.Validate(record).Errors.Select(IssueFailures.ToIssue));
}
