using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Geography;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Tests.Consolidation;

public sealed class NetworkConsolidatorTests
{
    [Fact]
    public void Lists_every_establishment_once_with_its_region_for_a_62_member_network()
    {
        List<Submission> members = TestNetwork.Members(62);

        NetworkConsolidation result = TestNetwork.Consolidate(members, TestNetwork.Roster(members));

        var expected = members.SelectMany(m => m.Data!.Establishments).ToList();
        Assert.Equal(expected.Count, result.Establishments.Count);
        Assert.Equal(expected.Count, result.Establishments.Select(e => e.Siret).Distinct().Count());
        foreach (Establishment e in expected)
        {
            AnnexEstablishment row = Assert.Single(result.Establishments, r => r.Siret == e.Siret);
            Assert.Equal(14, row.Siret.Length);
            Assert.Equal(FrenchGeography.RegionByCode(e.RegionCode!)!.Name, row.RegionName);
            Assert.StartsWith(row.MemberSiren, row.Siret, StringComparison.Ordinal);
        }

        Assert.Empty(result.NetworkIssues);
        Assert.All(result.Members, m => Assert.True(m.Included));
        Assert.True(result.NationalCoverage);
    }

    [Fact]
    public void Sorts_members_by_name_then_establishments_by_siret()
    {
        List<Submission> members = TestNetwork.Members(20);
        members.Reverse();

        NetworkConsolidation result = TestNetwork.Consolidate(members);

        Assert.Equal(result.Members.Select(m => m.Name).Order(StringComparer.Ordinal), result.Members.Select(m => m.Name));
        foreach (var group in result.Establishments.GroupBy(e => e.MemberSiren))
        {
            Assert.Equal(group.Select(e => e.Siret).Order(StringComparer.Ordinal), group.Select(e => e.Siret));
        }
    }

    [Fact]
    public void Reports_siren_conflict_when_two_organisations_claim_one_siren()
    {
        List<Submission> members = TestNetwork.Members(5);
        Submission owner = members[2];
        Submission intruder = TestNetwork.Member(40) with
        {
            Siren = owner.Siren,
            Version = 2,
            FileName = "autre-organisme.xlsx",
            ReceivedAtUtc = owner.ReceivedAtUtc.AddHours(1),
        };
        intruder = intruder with { Data = intruder.Data! with { Organisation = intruder.Data.Organisation with { Siren = owner.Siren } } };

        NetworkConsolidation result = TestNetwork.Consolidate([.. members, intruder]);

        NetworkIssue conflict = Assert.Single(result.NetworkIssues, i => i.Issue.Code == IssueCodes.SirenConflict);
        Assert.Equal(owner.Siren, conflict.Siren);
        Assert.Equal(Severity.Error, conflict.Issue.Severity);
        Assert.Contains("Organisme 003 Formation", conflict.Issue.Message, StringComparison.Ordinal);
        Assert.Contains("Organisme 040 Formation", conflict.Issue.Message, StringComparison.Ordinal);
        ConsolidatedMember member = Assert.Single(result.Members, m => m.Siren == owner.Siren);
        Assert.False(member.Included);
        Assert.Equal(MemberState.InError, member.State);
        Assert.DoesNotContain(result.Establishments, e => e.MemberSiren == owner.Siren);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Does_not_report_siren_conflict_when_the_member_renamed_itself(bool sameNda, bool sameEmail)
    {
        List<Submission> members = TestNetwork.Members(4);
        Submission before = members[1] with
        {
            Data = members[1].Data! with
            {
                Organisation = members[1].Data!.Organisation with { MainContact = new Contact("Ana Lopes", "ana.lopes@organisme2.fr", null) },
            },
        };
        MemberOrganisation renamedOrganisation = before.Data!.Organisation with
        {
            Name = "Nouveau Nom Formation SAS",
            Nda = sameNda ? before.Data.Organisation.Nda : "93130000013",
            MainContact = new Contact("Ana Lopes", sameEmail ? "ANA.LOPES@organisme2.fr " : "direction@nouveau-nom.fr", null),
        };
        Submission renamed = before with
        {
            Version = 2,
            Sha256 = new string('e', 64),
            FileName = "nouveau-nom.xlsx",
            MemberName = renamedOrganisation.Name,
            ReceivedAtUtc = before.ReceivedAtUtc.AddDays(3),
            Data = before.Data with { Organisation = renamedOrganisation },
        };

        NetworkConsolidation result = TestNetwork.Consolidate([.. members.Where(m => m.Siren != before.Siren), before, renamed]);

        Assert.DoesNotContain(result.NetworkIssues, i => i.Issue.Code == IssueCodes.SirenConflict);
        ConsolidatedMember member = Assert.Single(result.Members, m => m.Siren == before.Siren);
        Assert.True(member.Included);
        Assert.Equal("Nouveau Nom Formation SAS", member.Name);
    }

    [Fact]
    public void Does_not_report_siren_conflict_when_names_differ_only_by_case_and_accents()
    {
        List<Submission> members = TestNetwork.Members(3);
        Submission v2 = TestNetwork.Member(2, version: 2) with { MemberName = "ORGANISME 002 FORMATION" };

        NetworkConsolidation result = TestNetwork.Consolidate([.. members, v2]);

        Assert.DoesNotContain(result.NetworkIssues, i => i.Issue.Code == IssueCodes.SirenConflict);
        Assert.Equal(2, Assert.Single(result.Members, m => m.Siren == v2.Siren).Current!.Version);
    }

    [Fact]
    public void Does_not_report_siren_conflict_when_the_organisation_later_corrected_its_siren()
    {
        // Member 7 first sent its file under member 3's SIREN, then a corrected file under its own SIREN.
        List<Submission> members = TestNetwork.Members(8);
        Submission owner = members[2];
        Submission mistaken = TestNetwork.Member(7) with
        {
            Siren = owner.Siren,
            Version = 2,
            Status = SubmissionStatus.Accepted,
            ReceivedAtUtc = new DateTime(2025, 10, 1, 8, 0, 0, DateTimeKind.Utc),
            FileName = "erreur-siren.xlsx",
        };
        Submission ownerV1 = owner with { Version = 1, ReceivedAtUtc = new DateTime(2025, 9, 1, 8, 0, 0, DateTimeKind.Utc) };
        Submission ownerV3 = owner with { Version = 3, Sha256 = new string('c', 64) };

        NetworkConsolidation result = TestNetwork.Consolidate([.. members.Where(m => m.Siren != owner.Siren), ownerV1, mistaken, ownerV3]);

        Assert.DoesNotContain(result.NetworkIssues, i => i.Issue.Code == IssueCodes.SirenConflict);
        Assert.True(Assert.Single(result.Members, m => m.Siren == owner.Siren).Included);
    }

    [Fact]
    public void Reports_siret_declared_by_two_members_and_leaves_both_out()
    {
        List<Submission> members = TestNetwork.Members(6);
        Submission a = members[1];
        Submission b = members[4];
        string shared = a.Data!.Establishments[0].Siret!;
        b = b with
        {
            Data = b.Data! with { Establishments = [.. b.Data.Establishments, b.Data.Establishments[0] with { Row = 30, Siret = shared }] },
        };
        members[4] = b;

        NetworkConsolidation result = TestNetwork.Consolidate(members);

        var duplicates = result.NetworkIssues.Where(i => i.Issue.Code == IssueCodes.SiretDuplicateNetwork).ToList();
        Assert.Equal(new[] { a.Siren, b.Siren }.Order(StringComparer.Ordinal), duplicates.Select(d => d.Siren).Order(StringComparer.Ordinal));
        Assert.All(duplicates, d => Assert.Equal(shared, d.Issue.Value));
        Assert.Equal(30, Assert.Single(duplicates, d => d.Siren == b.Siren).Issue.Row);
        Assert.DoesNotContain(result.Establishments, e => e.Siret == shared);
        Assert.False(Assert.Single(result.Members, m => m.Siren == a.Siren).Included);
        Assert.False(Assert.Single(result.Members, m => m.Siren == b.Siren).Included);
        Assert.True(result.HasNetworkErrors);
    }

    [Fact]
    public void Reports_member_missing_for_a_roster_member_who_sent_nothing()
    {
        List<Submission> members = TestNetwork.Members(4);
        string absent = TestNetwork.Siren(900);

        NetworkConsolidation result = TestNetwork.Consolidate(members, TestNetwork.Roster(members, absent));

        NetworkIssue missing = Assert.Single(result.NetworkIssues);
        Assert.Equal(IssueCodes.MemberMissing, missing.Issue.Code);
        Assert.Equal(Severity.Warning, missing.Issue.Severity);
        Assert.Equal(absent, missing.Siren);
        ConsolidatedMember member = Assert.Single(result.Members, m => m.Siren == absent);
        Assert.Equal(MemberState.Missing, member.State);
        Assert.Equal("Membre attendu 1", member.Name);
        Assert.False(result.HasNetworkErrors);
    }

    [Fact]
    public void Checks_the_roster_as_it_is_now_for_members_absent_from_it_or_without_mandate()
    {
        List<Submission> members = TestNetwork.Members(5);
        NetworkRoster roster = TestNetwork.Roster(members.Take(4));
        roster = roster with { Members = [.. roster.Members.Select((r, i) => i == 0 ? r with { MandateReceived = false } : r)] };
        // A stale finding stored at ingestion is replaced by the fresh check.
        members[1] = members[1] with { Issues = [IssueCatalog.Create(IssueCodes.MemberNotInRoster)] };

        NetworkConsolidation result = TestNetwork.Consolidate(members, roster);

        string noMandate = roster.Members[0].Siren;
        Assert.Equal(noMandate, Assert.Single(result.NetworkIssues, i => i.Issue.Code == IssueCodes.MandateMissing).Siren);
        Assert.False(Assert.Single(result.Members, m => m.Siren == noMandate).Included);
        NetworkIssue notListed = Assert.Single(result.NetworkIssues, i => i.Issue.Code == IssueCodes.MemberNotInRoster);
        Assert.Equal(members[4].Siren, notListed.Siren);
        ConsolidatedMember outsider = Assert.Single(result.Members, m => m.Siren == members[4].Siren);
        Assert.True(outsider.Included);
        Assert.Equal(MemberState.WithWarnings, outsider.State);
        Assert.DoesNotContain(Assert.Single(result.Members, m => m.Siren == members[1].Siren).Issues, i => i.Code == IssueCodes.MemberNotInRoster);
    }

    [Fact]
    public void Uses_the_older_accepted_version_when_the_latest_file_is_refused()
    {
        List<Submission> members = TestNetwork.Members(3);
        Submission refused = TestNetwork.Member(2, version: 2) with
        {
            Status = SubmissionStatus.Refused,
            Data = null,
            Issues = [IssueCatalog.Create(IssueCodes.SiretChecksum, sheet: "Etablissements", row: 9, column: "SIRET")],
        };

        NetworkConsolidation result = TestNetwork.Consolidate([.. members, refused]);

        ConsolidatedMember member = Assert.Single(result.Members, m => m.Siren == refused.Siren);
        Assert.True(member.Included);
        Assert.True(member.UsesOlderVersion);
        Assert.Equal(1, member.Current!.Version);
        Assert.Equal(2, member.Latest!.Version);
        Assert.Equal(MemberState.InError, member.State);
        Assert.Contains(result.Establishments, e => e.MemberSiren == refused.Siren);
    }

    [Fact]
    public void Leaves_out_a_member_whose_only_file_is_refused_and_keeps_its_issues()
    {
        List<Submission> members = TestNetwork.Members(3);
        members[0] = members[0] with
        {
            Status = SubmissionStatus.Refused,
            Issues = [IssueCatalog.Create(IssueCodes.SiretChecksum, sheet: "Etablissements", row: 9, column: "SIRET")],
        };

        NetworkConsolidation result = TestNetwork.Consolidate(members);

        ConsolidatedMember member = Assert.Single(result.Members, m => m.Siren == members[0].Siren);
        Assert.False(member.Included);
        Assert.Equal(MemberState.InError, member.State);
        Assert.Equal(IssueCodes.SiretChecksum, Assert.Single(member.Issues).Code);
        Assert.Equal(members[0].FileName, member.IssuesFile);
        Assert.DoesNotContain(result.Establishments, e => e.MemberSiren == members[0].Siren);
    }

    [Fact]
    public void Answers_national_coverage_no_when_a_metropolitan_region_has_no_establishment()
    {
        List<Submission> members = TestNetwork.Members(12); // members 1..12 cover régions 1..12 of 13 (+ next-région sites)
        members = [.. members.Select(m => m with
        {
            Data = m.Data! with { Establishments = [.. m.Data.Establishments.Where(e => e.RegionCode != "11")] },
        })];

        NetworkConsolidation result = TestNetwork.Consolidate(members);

        Assert.False(result.NationalCoverage);
        Assert.Equal("11", Assert.Single(result.MetropolitanRegionsMissing).Code);
    }

    [Fact]
    public void Estimates_fees_from_settings()
    {
        List<Submission> members = TestNetwork.Members(4);

        NetworkConsolidation result = TestNetwork.Consolidate(members, settings: new ConsolidationSettings { FeePerCandidate = 250m, FeePerSite = 100m });

        Assert.Equal(result.Establishments.Count, result.Fees.SiteCount);
        Assert.Equal(4, result.Fees.CandidateCount);
        Assert.Equal((250m * 4) + (100m * result.Establishments.Count), result.Fees.Total);
    }

    [Fact]
    public void Takes_head_name_from_roster_and_falls_back_to_configuration()
    {
        List<Submission> members = TestNetwork.Members(2);

        Assert.Equal("Réseau Numérique Solidaire", TestNetwork.Consolidate(members, TestNetwork.Roster(members)).HeadName);
        Assert.Equal("Tête de réseau (configuration)", TestNetwork.Consolidate(members).HeadName);
    }
}
