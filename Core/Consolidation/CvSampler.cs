using System.Globalization;
using CleaNum.Core.Domain;

namespace CleaNum.Core.Consolidation;

/// <summary>
/// The CV sample rule of annex.md.
/// <para>The rule is chosen on the network size (<see cref="NetworkSize"/>: roster, else members with a file), the same
/// number ingestion uses, never on the number of members retained.</para>
/// <para>Small network (size ≤ threshold): per member, the most complete CV of an evaluator and the most complete CV
/// of a trainer (another person when the member has one); an "Évaluateur et formateur" counts for either role, and for
/// both when nobody else can fill the other one. Required = 2 × members. With <see cref="ConsolidationSettings.IncludeAllCvs"/>
/// every CV is included.</para>
/// <para>Large network: required = ⌈percent × (evaluators + trainers mobilisable, declared by the included members)⌉,
/// split between the roles in proportion of the declared counts (evaluator share rounded half up). Members are ordered
/// by a round-robin over régions (by code), each région's members shuffled with the seed; then in rounds every member
/// gets at most one CV per round (its most complete remaining CV for the role that is furthest from its target), so
/// members and régions are covered before any member gets a second CV. An "Évaluateur et formateur" is one CV and fills
/// one place of whichever role needs it. When a role runs out of candidates, the remaining places go to the other role.</para>
/// </summary>
internal static class CvSampler
{
    private static readonly CultureInfo French = FrenchCulture.Instance;

    private static string Fr(params FormattableString[] parts) => string.Concat(parts.Select(p => p.ToString(French)));

    public sealed record Candidate(ConsolidatedMember Member, MemberData Data, string? RegionCode);

    /// <param name="members">The members included in the annex.</param>
    /// <param name="evaluators">Evaluators mobilisable declared by them.</param>
    /// <param name="trainers">Trainers mobilisable declared by them.</param>
    /// <param name="networkSize">The network size (<see cref="NetworkSize"/>) that chooses the rule.</param>
    /// <param name="settings">Thresholds.</param>
    public static CvSample Draw(IReadOnlyList<Candidate> members, int evaluators, int trainers, int networkSize, ConsolidationSettings settings)
    {
        int available = members.Sum(m => m.Data.Intervenants.Count(i => i.Role != IntervenantRole.None));
        CvSample sample = NetworkSize.IsLarge(networkSize, settings.LargeNetworkThreshold)
            ? Large(members, evaluators, trainers, networkSize, settings, available)
            : Small(members, networkSize, settings, available);
        return sample with { NetworkSize = networkSize };
    }

    private static IEnumerable<Intervenant> MostCompleteFirst(IEnumerable<Intervenant> people) =>
        people.Where(i => i.Role != IntervenantRole.None)
              .OrderByDescending(i => i.Completeness)
              .ThenBy(i => i.Row)
              .ThenBy(i => i.LastName, StringComparer.Ordinal)
              .ThenBy(i => i.FirstName, StringComparer.Ordinal);

    private static CvSample Small(IReadOnlyList<Candidate> members, int networkSize, ConsolidationSettings settings, int available)
    {
        var selected = new List<SampledCv>();
        foreach (Candidate m in members)
        {
            List<Intervenant> people = [.. MostCompleteFirst(m.Data.Intervenants)];
            if (settings.IncludeAllCvs)
            {
                selected.AddRange(people.Select(p => Cv(m, p, p.Role)));
                continue;
            }

            // Evaluator: the most complete evaluator-capable CV that leaves another person for the trainer role, if any.
            Intervenant? evaluator =
                people.FirstOrDefault(p => p.Role.HasFlag(IntervenantRole.Evaluator)
                                           && people.Any(t => !ReferenceEquals(t, p) && t.Role.HasFlag(IntervenantRole.Trainer)))
                ?? people.FirstOrDefault(p => p.Role.HasFlag(IntervenantRole.Evaluator));
            Intervenant? trainer =
                people.FirstOrDefault(p => p.Role.HasFlag(IntervenantRole.Trainer) && !ReferenceEquals(p, evaluator));
            if (evaluator is not null)
            {
                bool coversBoth = trainer is null && evaluator.Role == IntervenantRole.Both;
                selected.Add(Cv(m, evaluator, coversBoth ? IntervenantRole.Both : IntervenantRole.Evaluator));
            }

            if (trainer is not null)
            {
                selected.Add(Cv(m, trainer, IntervenantRole.Trainer));
            }
            else if (evaluator is null && people.FirstOrDefault(p => p.Role.HasFlag(IntervenantRole.Trainer)) is { } onlyTrainer)
            {
                selected.Add(Cv(m, onlyTrainer, IntervenantRole.Trainer));
            }
        }

        int required = 2 * members.Count;
        string rule = Fr(
            $"Réseau de {networkSize} membre(s), au plus {settings.LargeNetworkThreshold} : au moins un CV d'évaluateur et un CV de formateur par membre ({members.Count} membre(s) retenu(s) dans l'annexe). ",
            $"{(settings.IncludeAllCvs
                ? "L'annexe reprend tous les CV fournis. "
                : "L'annexe retient, pour chaque membre, le CV le plus complet de chaque rôle ; un « Évaluateur et formateur » compte pour l'un ou l'autre rôle, et pour les deux s'il est le seul intervenant possible. ")}",
            $"CV requis : {required} ; CV retenus : {selected.Count} (sur {available} disponibles).");
        return new CvSample(false, required, selected, rule, available);
    }

    private static CvSample Large(IReadOnlyList<Candidate> members, int evaluators, int trainers, int networkSize, ConsolidationSettings settings, int available)
    {
        int total = evaluators + trainers;
        int required = (int)Math.Ceiling(total * settings.SamplePercent / 100m);
        int evaluatorTarget = total == 0 ? 0 : (int)Math.Round(required * (decimal)evaluators / total, MidpointRounding.AwayFromZero);
        int trainerTarget = required - evaluatorTarget;

        List<Candidate> order = RoundRobinOverRegions(members, settings.Seed);
        var queues = order.ToDictionary(c => c.Member.Siren, c => MostCompleteFirst(c.Data.Intervenants).ToList(), StringComparer.Ordinal);
        var selected = new List<SampledCv>(required);
        int evaluatorsTaken = 0, trainersTaken = 0;

        // Role-constrained rounds: one CV per member per round.
        bool progress = true;
        while (selected.Count < required && progress)
        {
            progress = false;
            foreach (Candidate c in order)
            {
                int needEvaluators = evaluatorTarget - evaluatorsTaken;
                int needTrainers = trainerTarget - trainersTaken;
                if (needEvaluators <= 0 && needTrainers <= 0)
                {
                    break;
                }

                List<Intervenant> queue = queues[c.Member.Siren];
                // Furthest from its target first (compare needE/targetE with needT/targetT without dividing).
                bool evaluatorFirst = (long)Math.Max(needEvaluators, 0) * trainerTarget >= (long)Math.Max(needTrainers, 0) * evaluatorTarget
                                      && needEvaluators > 0;
                IntervenantRole[] roles = evaluatorFirst
                    ? [IntervenantRole.Evaluator, IntervenantRole.Trainer]
                    : [IntervenantRole.Trainer, IntervenantRole.Evaluator];
                foreach (IntervenantRole role in roles)
                {
                    int need = role == IntervenantRole.Evaluator ? needEvaluators : needTrainers;
                    int index = need > 0 ? queue.FindIndex(p => p.Role.HasFlag(role)) : -1;
                    if (index < 0)
                    {
                        continue;
                    }

                    selected.Add(Cv(c, queue[index], role));
                    queue.RemoveAt(index);
                    if (role == IntervenantRole.Evaluator)
                    {
                        evaluatorsTaken++;
                    }
                    else
                    {
                        trainersTaken++;
                    }

                    progress = true;
                    break;
                }
            }
        }

        // A role ran out of candidates: the remaining places go to whatever CVs remain, in the same order.
        progress = true;
        while (selected.Count < required && progress)
        {
            progress = false;
            foreach (Candidate c in order)
            {
                if (selected.Count >= required)
                {
                    break;
                }

                List<Intervenant> queue = queues[c.Member.Siren];
                if (queue.Count > 0)
                {
                    Intervenant person = queue[0];
                    queue.RemoveAt(0);
                    selected.Add(Cv(c, person, person.Role.HasFlag(IntervenantRole.Evaluator) ? IntervenantRole.Evaluator : IntervenantRole.Trainer));
                    progress = true;
                }
            }
        }

        int regions = members.Select(m => m.RegionCode ?? "").Distinct(StringComparer.Ordinal).Count();
        string rule = Fr(
            $"Réseau de {networkSize} membres (plus de {settings.LargeNetworkThreshold}) : l'annexe comporte ⌈{settings.SamplePercent:0.##} % × {total} intervenants mobilisables ",
            $"des {members.Count} membres retenus ",
            $"({evaluators} évaluateurs + {trainers} formateurs)⌉ = {required} CV, répartis entre les rôles au prorata ({evaluatorTarget} évaluateurs, {trainerTarget} formateurs), ",
            $"un CV par membre, en alternant les {regions} région(s), avant qu'un membre n'en ait un second ; le CV le plus complet d'abord ; tirage déterministe (graine {settings.Seed}). ",
            $"Un « Évaluateur et formateur » compte pour un seul CV, dans l'un ou l'autre rôle. ",
            $"CV requis : {required} ; CV retenus : {selected.Count} (sur {available} disponibles).");
        return new CvSample(true, required, selected, rule, available);
    }

    private static List<Candidate> RoundRobinOverRegions(IReadOnlyList<Candidate> members, int seed)
    {
        var random = new DeterministicRandom(unchecked((ulong)seed));
        List<Queue<Candidate>> regions = [];
        foreach (IGrouping<string, Candidate> group in members
                     .GroupBy(m => m.RegionCode ?? "", StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            List<Candidate> list = [.. group.OrderBy(m => m.Member.Siren, StringComparer.Ordinal)];
            random.Shuffle(list);
            regions.Add(new Queue<Candidate>(list));
        }

        var order = new List<Candidate>(members.Count);
        while (order.Count < members.Count)
        {
            foreach (Queue<Candidate> region in regions)
            {
                if (region.Count > 0)
                {
                    order.Add(region.Dequeue());
                }
            }
        }

        return order;
    }

    private static SampledCv Cv(Candidate m, Intervenant person, IntervenantRole countedAs) =>
        new(m.Member.Siren, m.Member.Name, m.RegionCode, person, countedAs);
}
