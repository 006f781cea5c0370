using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Tests.Consolidation;

public sealed class CvSamplerTests
{
    private static int RequiredFor(IEnumerable<Submission> members) =>
        (int)Math.Ceiling(members.Sum(m => m.Data!.Organisation.EvaluatorCount!.Value + m.Data.Organisation.TrainerCount!.Value) / 10m);

    [Fact]
    public void Draws_exactly_ten_percent_of_human_resources_rounded_up_above_fifty_members()
    {
        List<Submission> members = TestNetwork.Members(62);

        CvSample sample = TestNetwork.Consolidate(members).CvSample;

        Assert.True(sample.LargeNetwork);
        Assert.Equal(RequiredFor(members), sample.Required);
        Assert.Equal(sample.Required, sample.SelectedCount);
        Assert.Equal(sample.Required, sample.Selected.Select(c => (c.MemberSiren, c.Person.Row)).Distinct().Count());
        Assert.Contains($"CV requis : {sample.Required} ; CV retenus : {sample.Required}", sample.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Splits_the_sample_between_roles_in_proportion_of_declared_counts()
    {
        List<Submission> members = TestNetwork.Members(62);
        int evaluators = members.Sum(m => m.Data!.Organisation.EvaluatorCount!.Value);
        int trainers = members.Sum(m => m.Data!.Organisation.TrainerCount!.Value);

        CvSample sample = TestNetwork.Consolidate(members).CvSample;

        int expectedEvaluators = (int)Math.Round(sample.Required * (decimal)evaluators / (evaluators + trainers), MidpointRounding.AwayFromZero);
        Assert.Equal(expectedEvaluators, sample.Selected.Count(c => c.CountedAs == IntervenantRole.Evaluator));
        Assert.Equal(sample.Required - expectedEvaluators, sample.Selected.Count(c => c.CountedAs == IntervenantRole.Trainer));
        Assert.All(sample.Selected, c => Assert.True(c.Person.Role.HasFlag(c.CountedAs)));
    }

    [Fact]
    public void Gives_no_member_a_second_cv_before_every_member_has_one()
    {
        // 100 members with 15 CVs each: the sample (10 % of ~2,200) exceeds the member count.
        List<Submission> members = [.. Enumerable.Range(1, 100).Select(i => TestNetwork.Member(i, intervenants: 15))];

        CvSample sample = TestNetwork.Consolidate(members).CvSample;

        var perMember = sample.Selected.GroupBy(c => c.MemberSiren).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(sample.Required > members.Count);
        Assert.Equal(members.Count, perMember.Count);
        Assert.True(perMember.Values.Max() - perMember.Values.Min() <= 1);
    }

    [Fact]
    public void Spreads_a_sample_smaller_than_the_network_over_all_regions_and_distinct_members()
    {
        List<Submission> members = TestNetwork.Members(62);

        CvSample sample = TestNetwork.Consolidate(members).CvSample;

        Assert.True(sample.Required < members.Count);
        Assert.Equal(sample.Required, sample.Selected.Select(c => c.MemberSiren).Distinct().Count());
        Assert.Equal(13, sample.Selected.Select(c => c.RegionCode).Distinct().Count());
    }

    [Fact]
    public void Draws_the_same_sample_from_the_same_data_whatever_the_input_order()
    {
        List<Submission> members = TestNetwork.Members(120);
        List<Submission> reversed = [.. members];
        reversed.Reverse();

        CvSample first = TestNetwork.Consolidate(members).CvSample;
        CvSample second = TestNetwork.Consolidate(reversed).CvSample;

        Assert.Equal(Keys(first), Keys(second));
        Assert.Equal(first.Rule, second.Rule);
    }

    [Fact]
    public void Draws_another_sample_with_another_seed()
    {
        List<Submission> members = TestNetwork.Members(120);

        CvSample first = TestNetwork.Consolidate(members, settings: new ConsolidationSettings { Seed = 1 }).CvSample;
        CvSample second = TestNetwork.Consolidate(members, settings: new ConsolidationSettings { Seed = 2 }).CvSample;

        Assert.Equal(first.SelectedCount, second.SelectedCount);
        Assert.NotEqual(Keys(first), Keys(second));
    }

    [Fact]
    public void Takes_the_most_complete_cv_of_each_role_per_member_in_a_small_network()
    {
        List<Submission> members = TestNetwork.Members(12);

        NetworkConsolidation result = TestNetwork.Consolidate(members);
        CvSample sample = result.CvSample;

        Assert.False(sample.LargeNetwork);
        Assert.Equal(24, sample.Required);
        Assert.Equal(24, sample.SelectedCount);
        foreach (Submission m in members)
        {
            var picked = sample.Selected.Where(c => c.MemberSiren == m.Siren).ToList();
            Assert.Equal(2, picked.Count);
            SampledCv evaluator = Assert.Single(picked, c => c.CountedAs == IntervenantRole.Evaluator);
            SampledCv trainer = Assert.Single(picked, c => c.CountedAs == IntervenantRole.Trainer);
            Assert.NotSame(evaluator.Person, trainer.Person);
            int bestEvaluator = m.Data!.Intervenants.Where(p => p.Role.HasFlag(IntervenantRole.Evaluator)).Max(p => p.Completeness);
            Assert.Equal(bestEvaluator, evaluator.Person.Completeness);
            int bestTrainer = m.Data.Intervenants.Where(p => p.Role.HasFlag(IntervenantRole.Trainer) && !ReferenceEquals(p, evaluator.Person)).Max(p => p.Completeness);
            Assert.Equal(bestTrainer, trainer.Person.Completeness);
        }
    }

    [Fact]
    public void Lets_a_single_evaluator_and_trainer_cover_both_roles_of_a_small_member()
    {
        Submission member = TestNetwork.Member(1);
        Intervenant both = member.Data!.Intervenants[2];
        Assert.Equal(IntervenantRole.Both, both.Role);
        member = member with { Data = member.Data with { Intervenants = [both] } };

        CvSample sample = TestNetwork.Consolidate([member]).CvSample;

        SampledCv cv = Assert.Single(sample.Selected);
        Assert.Equal(IntervenantRole.Both, cv.CountedAs);
    }

    [Fact]
    public void Includes_every_cv_of_a_small_network_when_configured()
    {
        List<Submission> members = TestNetwork.Members(5);

        CvSample sample = TestNetwork.Consolidate(members, settings: new ConsolidationSettings { IncludeAllCvs = true }).CvSample;

        Assert.Equal(members.Sum(m => m.Data!.Intervenants.Count), sample.SelectedCount);
        Assert.Contains("tous les CV", sample.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_cv_sample_insufficient_when_a_large_network_has_too_few_cvs()
    {
        // 60 members with one CV each but many declared intervenants: 10 % of the declared count exceeds 60.
        List<Submission> members = [.. Enumerable.Range(1, 60).Select(i =>
        {
            Submission s = TestNetwork.Member(i, intervenants: 1);
            return s with { Data = s.Data! with { Organisation = s.Data.Organisation with { EvaluatorCount = 10, TrainerCount = 10 } } };
        })];

        NetworkConsolidation result = TestNetwork.Consolidate(members);

        NetworkIssue issue = Assert.Single(result.NetworkIssues);
        Assert.Equal(IssueCodes.CvSampleInsufficient, issue.Issue.Code);
        Assert.Null(issue.Siren);
        Assert.Equal(120, result.CvSample.Required);
        Assert.Equal(60, result.CvSample.SelectedCount);
        Assert.True(result.HasNetworkErrors);
    }

    [Fact]
    public void Uses_the_configured_threshold_and_percentage()
    {
        List<Submission> members = TestNetwork.Members(10);
        int total = members.Sum(m => m.Data!.Organisation.EvaluatorCount!.Value + m.Data.Organisation.TrainerCount!.Value);

        CvSample sample = TestNetwork.Consolidate(members, settings: new ConsolidationSettings { LargeNetworkThreshold = 5, SamplePercent = 25m }).CvSample;

        Assert.True(sample.LargeNetwork);
        Assert.Equal((int)Math.Ceiling(total * 0.25m), sample.Required);
        Assert.Contains("25 %", sample.Rule, StringComparison.Ordinal);
    }

    private static List<(string, int)> Keys(CvSample sample) => [.. sample.Selected.Select(c => (c.MemberSiren, c.Person.Row))];
}
