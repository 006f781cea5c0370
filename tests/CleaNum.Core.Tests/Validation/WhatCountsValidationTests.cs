using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Tests.Builders;
using CleaNum.Core.Validation;
using CleaNum.Core.Workbook;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;
using Keys = CleaNum.Core.Workbook.MemberWorkbookSchema.Keys;
using Org = CleaNum.Core.Workbook.MemberWorkbookSchema.Org;
using Person = CleaNum.Core.Workbook.MemberWorkbookSchema.Person;

namespace CleaNum.Core.Tests.Validation;

/// <summary>annex.md « What counts » and template 2026.2 at the member's validation: sites, régions, network size, the
/// new form blocks.</summary>
public sealed class WhatCountsValidationTests
{
    private readonly MemberWorkbookValidator _validator = MemberWorkbookValidator.CreateDefault();

    [Fact]
    public void Accepts_a_second_site_under_one_siret_at_another_address()
    {
        RawWorkbook workbook = ARawWorkbook.Valid().WithEstablishment(1, Est.Siret, "732 829 320 00074").Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Empty(result.Issues);
        Assert.Equal(2, result.Member!.Establishments.Count(e => e.Siret == "73282932000074"));
    }

    [Fact]
    public void Keeps_the_postal_code_region_when_the_member_typed_another_one()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithEstablishment(1, Est.PostalCode, "57000").WithEstablishment(1, Est.City, "Metz")
            .WithEstablishment(1, Est.Region, "Hauts-de-France")
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Issue issue = Assert.Single(result.Issues);
        Assert.Equal((IssueCodes.RegionMismatch, Severity.Warning), (issue.Code, issue.Severity));
        Assert.Equal("44", result.Member!.Establishments[1].RegionCode); // Grand Est, never the typed 32
    }

    [Fact]
    public void Keeps_the_postal_code_region_of_the_organisation_too()
    {
        RawWorkbook workbook = ARawWorkbook.Valid().WithOrganisation(Org.Region, "Bretagne").Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Equal(IssueCodes.RegionMismatch, Assert.Single(result.Issues).Code);
        Assert.Equal("84", result.Member!.Organisation.RegionCode);
    }

    [Theory]
    [InlineData(50, false, Severity.Warning)] // 50 known + this new one = 51 > 50
    [InlineData(50, true, Severity.Error)]    // already one of the 50
    [InlineData(51, true, Severity.Warning)]
    [InlineData(49, false, Severity.Error)]   // 49 + this one = 50
    public void Counts_the_members_with_a_file_and_this_one_when_there_is_no_roster(int known, bool includesThisMember, Severity expected)
    {
        var sirens = new HashSet<string>(Enumerable.Range(0, known).Select(i => $"S{i:D8}"));
        if (includesThisMember)
        {
            sirens.Remove("S00000000");
            sirens.Add("732829320");
        }

        ValidationSettings settings = ARawWorkbook.Settings() with { MembersWithFile = sirens };
        RawWorkbook workbook = ARawWorkbook.Valid().WithIntervenant(0, Person.Role, "Formateur").Build();

        Issue issue = Assert.Single(_validator.Validate(workbook, settings).Issues, i => i.Code == IssueCodes.CvEvaluatorMissing);

        Assert.Equal(known + (includesThisMember ? 0 : 1), settings.NetworkSizeFor("732829320"));
        Assert.Equal(expected, issue.Severity);
    }

    [Fact]
    public void Counts_distinct_roster_sirens_when_there_is_a_roster()
    {
        var members = Enumerable.Range(0, 60).Select(i => new RosterMember(2 + i, $"{100000000 + (i % 51)}", null, true, null)).ToList();
        members.Add(new RosterMember(99, "732829320", "Formations Numériques du Rhône", true, null));
        ValidationSettings settings = ARawWorkbook.Settings() with
        {
            Roster = new NetworkRoster(new NetworkHead("Réseau", null, 2026, false, null), members),
            MembersWithFile = new HashSet<string>(),
        };

        Assert.Equal(52, settings.NetworkSizeFor("732829320")); // 51 distinct + this member, listed twice counts once
    }

    [Fact]
    public void Reads_form_1_3_history_status_reference_details_and_activity()
    {
        MemberData member = _validator.Validate(ARawWorkbook.Valid().Build(), ARawWorkbook.Settings()).Member!;

        HabilitationHistory history = member.Organisation.History;
        Assert.Equal((true, false, true, "2019-2025", false), (history.FirstCleaNumeriqueRequest, history.CleaNumerique, history.Clea, history.CleaPeriod, history.CleaManagement));
        Assert.Equal(["Salarié", "Indépendant"], member.Intervenants.Select(i => i.Status));
        Reference reference = Assert.Single(member.References);
        Assert.Equal(("Paul Roche, chargé de mission, 04 72 00 00 00", "Évaluations CléA numérique", "03/2024"), (reference.ClientContact, reference.Topic, reference.ServiceDate));
        Assert.Equal(new ActivityYear(ARawWorkbook.DataRow(0), 2024, 52, 50, 44, 41), Assert.Single(member.Activity));
    }

    [Fact]
    public void Reads_a_file_of_an_earlier_template_without_the_new_columns_and_sheet_exactly_as_before()
    {
        RawWorkbook workbook = ARawWorkbook.Valid()
            .WithoutField(Keys.Intervenants, Person.Status)
            .WithoutField(Keys.Organisme, Org.FirstRequest)
            .WithoutSheet(Keys.Activite)
            .Build();

        MemberValidationResult result = _validator.Validate(workbook, ARawWorkbook.Settings());

        Assert.Empty(result.Issues);
        Assert.All(result.Member!.Intervenants, i => Assert.Null(i.Status));
        Assert.Empty(result.Member.Activity);
    }
}
