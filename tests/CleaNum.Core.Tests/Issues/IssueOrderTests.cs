using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Tests.Issues;

public sealed class IssueOrderTests
{
    private static Issue At(string code, string? sheet, int? row = null, string? column = null, string? letters = null) =>
        new(Severity.Error, code, sheet, row, column, null, $"Message {code}", null) { CellAddress = letters };

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
        Issue issue = At(IssueCodes.Required, "Organisme", row, letters: address);

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

    [Fact]
    public void Does_list_sheets_in_workbook_order_then_other_sheets_then_issues_about_no_sheet()
    {
        Issue file = At(IssueCodes.SheetMissing, null);
        Issue member = At(IssueCodes.MemberNotInRoster, null);
        Issue other = At(IssueCodes.Required, "Feuil1", 2);
        Issue people = At(IssueCodes.Required, "Intervenants", 3);
        Issue organisation = At(IssueCodes.Required, "Fiche organisme", 9);

        IReadOnlyList<Issue> sorted = IssueOrder.Sort([member, file, other, people, organisation]);

        Assert.Equal([organisation, people, other, file, member], sorted);
    }

    [Fact]
    public void Does_order_a_sheet_by_row_with_sheet_level_issues_first_then_by_column_in_schema_order()
    {
        SheetDefinition sheet = MemberWorkbookSchema.Sheets[1];
        string first = sheet.Fields[0].Label;
        string second = sheet.Fields[1].Label;
        Issue secondColumn = At(IssueCodes.Required, sheet.Name, 5, second);
        Issue firstColumn = At(IssueCodes.Required, sheet.Name, 5, first);
        Issue earlierRow = At(IssueCodes.Required, sheet.Name, 4, second);
        Issue sheetLevel = At(IssueCodes.ColumnMissing, sheet.Name, null, first);

        IReadOnlyList<Issue> sorted = IssueOrder.Sort([secondColumn, firstColumn, earlierRow, sheetLevel]);

        Assert.Equal([sheetLevel, earlierRow, firstColumn, secondColumn], sorted);
    }

    [Fact]
    public void Does_put_member_level_codes_after_the_other_issues_of_their_place()
    {
        Issue cv = At(IssueCodes.CvEvaluatorMissing, "Intervenants");
        Issue missingColumn = At(IssueCodes.ColumnMissing, "Intervenants");

        IReadOnlyList<Issue> sorted = IssueOrder.Sort([cv, missingColumn]);

        Assert.Equal([missingColumn, cv], sorted);
    }

    [Fact]
    public void Does_keep_an_already_sorted_list_as_it_is_so_the_report_and_the_cli_agree()
    {
        Issue[] issues =
        [
            At(IssueCodes.MandateMissing, null), At(IssueCodes.Required, "Références", 8, "Année"),
            At(IssueCodes.FileDuplicate, null), At(IssueCodes.SiretFormat, "Etablissements", 3, "SIRET"),
            At(IssueCodes.CvTrainerMissing, "Intervenants"), At(IssueCodes.Required, "Autre", 1),
            At(IssueCodes.Required, "Organisme", 4, "SIREN"),
        ];

        IReadOnlyList<Issue> once = IssueOrder.Sort(issues);

        Assert.Equal(once, IssueOrder.Sort(once));
    }
}
