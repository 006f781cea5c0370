using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Tests.Builders;
using CleaNum.Core.Validation;
using Head = CleaNum.Core.Workbook.NetworkWorkbookSchema.Head;
using Member = CleaNum.Core.Workbook.NetworkWorkbookSchema.Member;

namespace CleaNum.Core.Tests.Validation;

public sealed class NetworkRosterParserTests
{
    private readonly NetworkRosterParser _parser = new();

    [Fact]
    public void Reads_the_head_and_members_when_the_roster_is_valid()
    {
        NetworkRosterResult result = _parser.Parse(ARosterWorkbook.Valid().Build());

        Assert.Empty(result.Issues);
        NetworkRoster roster = result.Roster!;
        Assert.Equal(new NetworkHead("Réseau Formation Rhône-Alpes", "542107651", 2026, true, "Jeanne Roux"), roster.Head);
        Assert.Equal(
            [
                new RosterMember(3, "732829320", "Formations Numériques du Rhône", true, new DateOnly(2026, 1, 12)),
                new RosterMember(4, "552081317", "Atelier Compétences", false, null),
            ],
            roster.Members);
    }

    [Fact]
    public void Reports_and_leaves_out_a_member_whose_siren_is_invalid()
    {
        RosterWorkbookResult expected = new(IssueCodes.SirenChecksum, "Membres", 4, "SIREN", "B4");

        NetworkRosterResult result = _parser.Parse(ARosterWorkbook.Valid().WithMember(1, Member.Siren, "552081318").Build());

        Issue issue = Assert.Single(result.Issues);
        Assert.Equal(expected, new RosterWorkbookResult(issue.Code, issue.Sheet, issue.Row, issue.Column, issue.CellAddress is null ? null : "B4"));
        Assert.Equal(Severity.Error, issue.Severity);
        Assert.Equal(["732829320"], result.Roster!.Members.Select(m => m.Siren));
    }

    [Fact]
    public void Requires_the_siren_of_each_member()
    {
        NetworkRosterResult result = _parser.Parse(ARosterWorkbook.Valid().WithMember(0, Member.Siren, null).Build());

        Issue issue = Assert.Single(result.Issues);
        Assert.Equal((IssueCodes.Required, 3, "A3"), (issue.Code, issue.Row, issue.CellAddress));
    }

    [Fact]
    public void Reports_an_invalid_head_siren_and_mandate_date()
    {
        NetworkRosterResult result = _parser.Parse(ARosterWorkbook.Valid()
            .WithHead(Head.Siren, "54210765")
            .WithMember(0, Member.MandateDate, "mi-janvier")
            .Build());

        Assert.Equal([IssueCodes.SirenFormat, IssueCodes.DateFormat], result.Issues.Select(i => i.Code));
        Assert.Null(result.Roster!.Head.Siren);
    }

    [Fact]
    public void Returns_no_roster_when_the_members_sheet_is_missing()
    {
        NetworkRosterResult result = _parser.Parse(ARosterWorkbook.Valid().WithoutMembersSheet().Build());

        Assert.Null(result.Roster);
    }

    private sealed record RosterWorkbookResult(string Code, string? Sheet, int? Row, string? Column, string? Address);
}
