using CleaNum.Core.Issues;

namespace CleaNum.Core.Tests.Issues;

public sealed class IssueCatalogTests
{
    /// <summary>The "sev" column of rules.md for the codes that are not errors by default.</summary>
    private static readonly Dictionary<string, Severity> NotErrors = new()
    {
        [IssueCodes.FileDuplicate] = Severity.Info,
        [IssueCodes.PostalCodeUnknown] = Severity.Warning,
        [IssueCodes.RegionMismatch] = Severity.Warning,
        [IssueCodes.NafUnusual] = Severity.Warning,
        [IssueCodes.NdaRegionMismatch] = Severity.Warning,
        [IssueCodes.PhoneFormat] = Severity.Warning,
        [IssueCodes.UrlFormat] = Severity.Warning,
        [IssueCodes.QualiopiMissing] = Severity.Warning,
        [IssueCodes.IntervenantStatusMissing] = Severity.Warning,
        [IssueCodes.ActivityInconsistent] = Severity.Warning,
        [IssueCodes.MemberNotInRoster] = Severity.Warning,
        [IssueCodes.MemberMissing] = Severity.Warning,
    };

    public static TheoryData<string> Codes => [.. IssueCodes.All];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Defines_every_code_with_its_rules_severity_and_a_french_title_and_hint(string code)
    {
        IssueDefinition definition = IssueCatalog.Get(code);

        Assert.Equal(code, definition.Code);
        Assert.Equal(NotErrors.GetValueOrDefault(code, Severity.Error), definition.DefaultSeverity);
        Assert.False(string.IsNullOrWhiteSpace(definition.Title));
        Assert.True(definition.Hint.Length > 30, definition.Hint);
        Assert.DoesNotContain(code, definition.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Defines_nothing_but_the_codes_of_the_rules()
    {
        Assert.Equal(IssueCodes.All.Order(), IssueCatalog.Definitions.Keys.Order());
        Assert.Equal(45, IssueCodes.All.Distinct().Count());
    }

    [Fact]
    public void Creates_an_issue_with_the_default_severity_title_and_hint_when_not_given()
    {
        Issue issue = IssueCatalog.Create(IssueCodes.UrlFormat, sheet: "Organisme", row: 12, column: "Site web", value: "www", cellAddress: "B12");

        Assert.Equal(
            new Issue(Severity.Warning, IssueCodes.UrlFormat, "Organisme", 12, "Site web", "www", IssueCatalog.Get(IssueCodes.UrlFormat).Title, IssueCatalog.Get(IssueCodes.UrlFormat).Hint) { CellAddress = "B12" },
            issue);
    }

    [Fact]
    public void Creates_an_issue_with_the_given_message_hint_and_severity()
    {
        Issue issue = IssueCatalog.Create(IssueCodes.CvTrainerMissing, "Aucun CV de formateur.", hint: "Ajoutez un CV.", severity: Severity.Warning);

        Assert.Equal((Severity.Warning, "Aucun CV de formateur.", "Ajoutez un CV."), (issue.Severity, issue.Message, issue.Hint));
    }

    [Fact]
    public void Throws_when_the_code_is_unknown()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IssueCatalog.Create("SIRET_WRONG"));
    }
}
