using CleaNum.Core.Issues;
using CleaNum.Export.Reports;

namespace CleaNum.Export.Tests;

public sealed class IssueOrderTests
{
    [Theory]
    [InlineData("C", 7, "C7")]
    [InlineData("c", 7, "C7")]
    [InlineData("AB", 12, "AB12")]
    [InlineData("C7", null, "C7")]
    [InlineData("C7", 7, "C7")]
    [InlineData("C7", 8, null)]
    [InlineData("C", null, null)]
    [InlineData(null, 7, null)]
    [InlineData("XFE", 7, null)]
    [InlineData("C", 0, null)]
    [InlineData("C-7", null, null)]
    public void Does_point_at_a_cell_only_when_column_and_row_are_known(string? address, int? row, string? expected)
    {
        Issue issue = ASubmission.Error(IssueCodes.Required, "Organisme", row, address);

        Assert.Equal(expected, IssueOrder.CellReference(issue));
    }

    [Theory]
    [InlineData("Organisme", 0)]
    [InlineData("Fiche organisme", 0)]
    [InlineData("Établissements", 1)]
    [InlineData("CV", 2)]
    [InlineData("Références", 3)]
    [InlineData("Chiffres clés", 4)]
    [InlineData("Feuil1", 5)]
    [InlineData(null, 6)]
    public void Does_rank_sheets_in_workbook_order_whatever_name_the_member_used(string? sheet, int expected)
    {
        Assert.Equal(expected, IssueOrder.SheetRank(sheet));
    }
}
