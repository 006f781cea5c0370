using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Tests.Consolidation;

/// <summary>annex.md « What counts » at consolidation: candidates and fees, sites, the postal code's région, one
/// network size from ingestion to annex, and the form blocks the annex and Word files need.</summary>
public sealed class WhatCountsTests
{
    [Fact]
    public void Counts_each_member_siren_and_the_head_with_its_own_activity_as_candidates()
    {
        List<Submission> members = TestNetwork.Members(4);

        NetworkConsolidation withHead = TestNetwork.Consolidate(members, TestNetwork.Roster(members));
        NetworkConsolidation withoutRoster = TestNetwork.Consolidate(members);

        int sites = members.Sum(m => m.Data!.Establishments.Count);
        Assert.Equal((5, sites), (withHead.Fees.CandidateCount, withHead.Fees.SiteCount));
        Assert.Equal((5 * 300m) + (sites * 150m), withHead.Fees.Total);
        Assert.StartsWith($"5 candidats × 300 € HT + {sites} sites × 150 € HT = ", withHead.Fees.Formula, StringComparison.Ordinal);
        Assert.EndsWith(" € HT", withHead.Fees.Formula, StringComparison.Ordinal);
        Assert.True(withHead.HeadIsCandidate);
        Assert.Equal(5, withHead.CandidateCount);
        Assert.Equal(4, withoutRoster.Fees.CandidateCount);
    }

    [Fact]
    public void Does_not_count_the_head_without_its_own_activity_nor_members_left_out()
    {
        List<Submission> members = TestNetwork.Members(4);
        members[1] = members[1] with
        {
            Issues = [IssueCatalog.Create(IssueCodes.MandateMissing)], // replaced by the roster check below
        };
        NetworkRoster roster = TestNetwork.Roster(members) is var r
            ? r with
            {
                Head = r.Head with { CleaActivity = false },
                Members = [.. r.Members.Select((m, i) => i == 2 ? m with { MandateReceived = false } : m)],
            }
            : throw new InvalidOperationException();

        NetworkConsolidation result = TestNetwork.Consolidate(members, roster);

        Assert.Equal(3, result.Fees.CandidateCount);
        Assert.False(result.HeadIsCandidate);
        Assert.Equal(result.Establishments.Count, result.Fees.SiteCount);
        Assert.DoesNotContain(result.Establishments, e => e.MemberSiren == members[2].Siren);
    }

    [Fact]
    public void Puts_the_metz_site_in_grand_est_whatever_region_the_member_typed()
    {
        Submission member = TestNetwork.Member(3, establishments: 1);
        Establishment metz = member.Data!.Establishments[0] with { PostalCode = "57000", City = "Metz", RegionCode = "32" };
        member = member with
        {
            Status = SubmissionStatus.AcceptedWithWarnings,
            Data = member.Data with { Establishments = [metz] },
            Issues = [IssueCatalog.Create(IssueCodes.RegionMismatch, sheet: "Etablissements", row: metz.Row, column: "Région", value: "Hauts-de-France")],
        };

        NetworkConsolidation result = TestNetwork.Consolidate([member]);

        AnnexEstablishment site = Assert.Single(result.Establishments);
        Assert.Equal(("44", "Grand Est"), (site.RegionCode, site.RegionName));
        Assert.True(site.DeclaredRegionDiffers);
        Assert.Equal(["44"], result.RegionsCovered.Select(r => r.Code));
        Assert.DoesNotContain(result.MetropolitanRegionsMissing, r => r.Code == "44");
        Assert.Contains(result.MetropolitanRegionsMissing, r => r.Code == "32");
        Assert.True(result.RegionalCoverage);
        Assert.False(result.NationalCoverage);
        Assert.Contains(result.Members[0].Issues, i => i.Code == IssueCodes.RegionMismatch);
    }

    [Fact]
    public void Lists_two_sites_of_one_siret_at_different_addresses_and_bills_both()
    {
        Submission member = TestNetwork.Member(7, establishments: 1);
        Establishment first = member.Data!.Establishments[0];
        Establishment second = first with { Row = first.Row + 1, Address = "8 place du Marché", PostalCode = "69002", City = "Lyon" };
        member = member with { Data = member.Data with { Establishments = [first, second] } };

        NetworkConsolidation result = TestNetwork.Consolidate([member]);

        Assert.Equal(2, result.Establishments.Count(e => e.Siret == first.Siret));
        Assert.Equal(2, result.SiteCount);
        Assert.Equal(2, result.Fees.SiteCount);
        Assert.Equal(2, result.Members[0].SiteCount);
    }

    [Fact]
    public void Applies_one_cv_rule_for_a_60_member_roster_with_8_silent_members_and_4_in_error()
    {
        List<Submission> files = TestNetwork.Members(52);
        // 4 in error: their only file was refused.
        for (int i = 48; i < 52; i++)
        {
            files[i] = files[i] with
            {
                Status = SubmissionStatus.Refused,
                Issues = [IssueCatalog.Create(IssueCodes.SirenChecksum, sheet: "Organisme", row: 4, column: "SIREN")],
            };
        }

        // Ingested as a large network: a missing trainer CV was a warning, and stays one.
        files[5] = files[5] with
        {
            Status = SubmissionStatus.AcceptedWithWarnings,
            Issues = [IssueCatalog.Create(IssueCodes.CvTrainerMissing, "Aucun CV de formateur.", sheet: "Intervenants", severity: Severity.Warning)],
        };
        string[] silent = [.. Enumerable.Range(900, 8).Select(TestNetwork.Siren)];

        NetworkConsolidation result = TestNetwork.Consolidate(files, TestNetwork.Roster(files, silent));

        Assert.Equal(60, result.NetworkSize);
        Assert.True(result.NetworkSizeFromRoster);
        Assert.True(result.LargeNetwork);
        Assert.True(result.CvSample.LargeNetwork);
        Assert.Equal(60, result.CvSample.NetworkSize);
        Assert.Equal(48, result.IncludedMembers.Count());
        Assert.Contains(result.IncludedMembers, m => m.Siren == files[5].Siren);
        int required = (int)Math.Ceiling((result.EvaluatorsMobilisable + result.TrainersMobilisable) / 10m);
        Assert.Equal(required, result.CvSample.Required);
        Assert.Equal(required, result.CvSample.SelectedCount);
        Assert.StartsWith("Réseau de 60 membres (plus de 50)", result.CvSample.Rule, StringComparison.Ordinal);
        Assert.Equal(8, result.CountByState(MemberState.Missing));
        Assert.Equal(4, result.CountByState(MemberState.InError));
    }

    [Fact]
    public void Turns_a_missing_cv_warning_into_an_error_when_the_network_is_small()
    {
        List<Submission> files = TestNetwork.Members(10);
        files[3] = files[3] with
        {
            Status = SubmissionStatus.AcceptedWithWarnings,
            Issues = [IssueCatalog.Create(IssueCodes.CvTrainerMissing, "Aucun CV de formateur.", sheet: "Intervenants", severity: Severity.Warning)],
        };

        NetworkConsolidation result = TestNetwork.Consolidate(files, TestNetwork.Roster(files));

        ConsolidatedMember member = Assert.Single(result.Members, m => m.Siren == files[3].Siren);
        Assert.Equal(10, result.NetworkSize);
        Assert.False(member.Included);
        Assert.Equal(MemberState.InError, member.State);
        Assert.Equal(Severity.Error, Assert.Single(member.Issues, i => i.Code == IssueCodes.CvTrainerMissing).Severity);
        Assert.Equal(2 * 9, result.CvSample.Required);
    }

    [Fact]
    public void Counts_members_with_a_file_when_there_is_no_roster()
    {
        List<Submission> files = TestNetwork.Members(53);
        files[0] = files[0] with { Status = SubmissionStatus.Refused, Issues = [IssueCatalog.Create(IssueCodes.SirenChecksum)] };

        NetworkConsolidation result = TestNetwork.Consolidate(files);

        Assert.Equal(53, result.NetworkSize);
        Assert.False(result.NetworkSizeFromRoster);
        Assert.True(result.CvSample.LargeNetwork);
    }

    [Fact]
    public void Sums_activity_per_member_and_year_then_per_year_and_over_the_period()
    {
        List<Submission> files = TestNetwork.Members(3);
        files[0] = WithActivity(files[0], new ActivityYear(3, 2023, 10, 9, 8, 7), new ActivityYear(4, 2024, 20, 18, 15, 12), new ActivityYear(5, 2024, 1, 1, 1, 1));
        files[1] = WithActivity(files[1], new ActivityYear(3, 2024, 5, 5, null, null));

        NetworkConsolidation result = TestNetwork.Consolidate(files);

        Assert.Equal(3, result.Activity.Count);
        Assert.Contains(new MemberActivity(files[0].Siren!, files[0].MemberName!, 2024, new ActivityFigures(21, 19, 16, 13)), result.Activity);
        Assert.Equal(
            [new YearActivity(2023, new ActivityFigures(10, 9, 8, 7)), new YearActivity(2024, new ActivityFigures(26, 24, 16, 13))],
            result.ActivityByYear);
        Assert.Equal(new ActivityFigures(36, 33, 24, 20), result.ActivityTotal);
    }

    [Fact]
    public void Exposes_mandates_qualiopi_history_and_references_per_member()
    {
        List<Submission> files = TestNetwork.Members(3);
        files[1] = files[1] with
        {
            Data = files[1].Data! with
            {
                Organisation = files[1].Data!.Organisation with
                {
                    Qualiopi = true, QualiopiCertificate = "Q-1", QualiopiCertifier = "AFNOR", QualiopiExpiry = new DateOnly(2027, 6, 30),
                    FirstCleaNumeriqueRequest = false, AlreadyHabilitated = true, HabilitationPeriod = "2021-2025",
                },
            },
        };
        NetworkRoster roster = TestNetwork.Roster(files);

        NetworkConsolidation result = TestNetwork.Consolidate(files, roster);

        ConsolidatedMember member = Assert.Single(result.Members, m => m.Siren == files[1].Siren);
        Assert.Equal((true, new DateOnly(2025, 9, 1)), (member.MandateReceived, member.MandateDate));
        Assert.Equal(new QualiopiCertification(true, "Q-1", "AFNOR", new DateOnly(2027, 6, 30)), member.Qualiopi);
        Assert.Equal((false, true, "2021-2025"), (member.History!.FirstCleaNumeriqueRequest, member.History.CleaNumerique, member.History.CleaNumeriquePeriod));
        Assert.Equal(files.Sum(f => f.Data!.References.Count), result.References.Count);
        Assert.All(result.References, r => Assert.Contains(r.Reference, files.Single(f => f.Siren == r.MemberSiren).Data!.References));
    }

    private static Submission WithActivity(Submission s, params ActivityYear[] rows) =>
        s with { Data = s.Data! with { Activity = rows } };
}
