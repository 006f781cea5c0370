using System.Globalization;
using CleaNum.Core.Domain;
using CleaNum.Core.Geography;
using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;
using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Consolidation;

/// <summary>
/// Network-level rules (rules.md) over each member's current version, and everything the annex shows. Pure: no I/O,
/// same input → same output.
/// <list type="bullet">
/// <item>A member's current version is its latest accepted file. When its latest file was refused and an older one was
/// accepted, the annex uses the older one (Synthese and Versions say so) and the member's state is "en erreur" until it
/// sends a corrected file.</item>
/// <item>SIREN_CONFLICT: over every file of the campaign that claims a SIREN (any status but duplicate), organisation
/// names compared with <see cref="LabelText.Normalize"/>. A claim is withdrawn ("a newer file from the same member
/// supersedes the older one") when the organisation of that name sent a later file under another SIREN — it corrected
/// its SIREN. If two or more different names still claim the SIREN, the member is in error and left out.</item>
/// <item>Roster checks are made against the roster as it is now: stored MEMBER_NOT_IN_ROSTER / MANDATE_MISSING
/// findings are replaced by fresh ones.</item>
/// <item>What counts (annex.md): one network size (<see cref="NetworkSize"/>) chooses the CV rule, and stored
/// CV_*_MISSING findings take its severity; every row of Etablissements is a site, in the région of its postal code
/// (<see cref="SiteRegion"/>); candidates are the included members plus the head with its own activity.</item>
/// <item>SIRET_DUPLICATE_NETWORK: every member that declares a SIRET also declared by another member is in error
/// (both are left out until one corrects it), so no SIRET appears twice in table 1.4.</item>
/// </list>
/// </summary>
public static class NetworkConsolidator
{
    private static readonly CultureInfo French = FrenchCulture.Instance;

    private static string Fr(params FormattableString[] parts) => string.Concat(parts.Select(p => p.ToString(French)));

    private static readonly HashSet<string> RosterCodes = new(StringComparer.Ordinal)
    {
        IssueCodes.MemberNotInRoster, IssueCodes.MandateMissing,
    };

    public static NetworkConsolidation Consolidate(ConsolidationInput input, ConsolidationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);

        Known known = Known.Of(input);
        int networkSize = NetworkSize.Of(input.Roster, known.MembersWithFile);
        bool large = NetworkSize.IsLarge(networkSize, settings.LargeNetworkThreshold);

        var found = new Dictionary<string, List<Issue>>(StringComparer.Ordinal);
        FindSirenConflicts(input, known, found);
        FindRosterGaps(input, known, found);
        FindSiretsDeclaredTwice(known, found);

        List<ConsolidatedMember> members = [.. known.Sirens.Select(siren => Member(input, known, siren, found.GetValueOrDefault(siren) ?? [], large))];
        members.Sort(MemberOrder.Compare);
        List<ConsolidatedMember> included = [.. members.Where(m => m.Included)];

        List<AnnexEstablishment> establishments = Establishments(included);
        var coveredCodes = new SortedSet<string>(establishments.Select(e => e.RegionCode).OfType<string>(), StringComparer.Ordinal);
        int evaluators = included.Sum(m => Math.Max(m.Current!.Data!.Organisation.EvaluatorCount ?? 0, 0));
        int trainers = included.Sum(m => Math.Max(m.Current!.Data!.Organisation.TrainerCount ?? 0, 0));
        CvSample sample = DrawCvSample(included, evaluators, trainers, networkSize, settings);
        List<NetworkIssue> networkIssues =
        [
            .. MemberIssues(members, found),
            .. SampleShortfalls(included, sample, networkSize, evaluators + trainers, input.Roster is not null, settings),
        ];
        (List<MemberActivity> activity, List<YearActivity> byYear) = Activity(included);

        return new NetworkConsolidation
        {
            HeadName = string.IsNullOrWhiteSpace(input.Roster?.Head.Name) ? input.HeadName : input.Roster!.Head.Name,
            HeadSiren = input.Roster?.Head.Siren,
            Campaign = input.Campaign,
            HasRoster = input.Roster is not null,
            Members = members,
            Establishments = establishments,
            CvSample = sample,
            NetworkIssues = networkIssues,
            RegionsCovered = [.. coveredCodes.Select(FrenchGeography.RegionByCode).OfType<Region>()],
            MetropolitanRegionsMissing = [.. FrenchGeography.MetropolitanRegions.Where(r => !coveredCodes.Contains(r.Code))],
            EvaluatorsMobilisable = evaluators,
            TrainersMobilisable = trainers,
            HeadCleaActivity = input.Roster?.Head.CleaActivity,
            HeadContact = input.Roster?.Head.Contact,
            NetworkSize = networkSize,
            NetworkSizeFromRoster = input.Roster is not null,
            LargeNetworkThreshold = settings.LargeNetworkThreshold,
            Activity = activity,
            ActivityByYear = byYear,
            ActivityTotal = ActivityFigures.Sum(byYear.Select(y => y.Figures)),
            References =
            [
                .. included.SelectMany(m => m.Current!.Data!.References
                    .OrderBy(r => r.Row)
                    .Select(r => new AnnexReference(m.Siren, m.Name, r))),
            ],
            Fees = new FeeEstimate(
                settings.FeePerCandidate,
                settings.FeePerSite,
                included.Count + (input.Roster?.Head.CleaActivity == true ? 1 : 0),
                establishments.Count),
        };
    }

    /// <summary>Each SIREN's current version (latest accepted), latest file and roster entry; every SIREN known, sorted.</summary>
    private sealed record Known(
        Dictionary<string, Submission> Current,
        Dictionary<string, MemberStatus> Latest,
        Dictionary<string, RosterMember> Roster,
        SortedSet<string> Sirens,
        int MembersWithFile)
    {
        public static Known Of(ConsolidationInput input)
        {
            var current = new Dictionary<string, Submission>(StringComparer.Ordinal);
            foreach (Submission s in input.CurrentVersions)
            {
                if (s.Siren is { Length: > 0 } siren && s.Data is not null && !current.ContainsKey(siren))
                {
                    current[siren] = s;
                }
            }

            var latest = new Dictionary<string, MemberStatus>(StringComparer.Ordinal);
            foreach (MemberStatus m in input.LatestFiles)
            {
                latest.TryAdd(m.Siren, m);
            }

            var roster = new Dictionary<string, RosterMember>(StringComparer.Ordinal);
            foreach (RosterMember r in input.Roster?.Members ?? [])
            {
                roster.TryAdd(r.Siren, r);
            }

            var sirens = new SortedSet<string>(current.Keys, StringComparer.Ordinal);
            sirens.UnionWith(latest.Keys);
            int membersWithFile = sirens.Count;
            sirens.UnionWith(roster.Keys);
            return new Known(current, latest, roster, sirens, membersWithFile);
        }
    }

    private static void Add(Dictionary<string, List<Issue>> found, string siren, Issue issue)
    {
        if (!found.TryGetValue(siren, out List<Issue>? list))
        {
            found[siren] = list = [];
        }

        list.Add(issue);
    }

    /// <summary>SIREN_CONFLICT over every file of the campaign claiming each SIREN.</summary>
    private static void FindSirenConflicts(ConsolidationInput input, Known known, Dictionary<string, List<Issue>> found)
    {
        var laterFileUnderOtherSiren = known.Current.Values
            .GroupBy(s => LabelText.Normalize(NameOf(s)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => (s.Siren!, s.ReceivedAtUtc)).ToList(), StringComparer.Ordinal);
        foreach (string siren in known.Sirens)
        {
            if (input.Versions.TryGetValue(siren, out IReadOnlyList<Submission>? versions)
                && SirenConflict(siren, versions, input.Campaign, laterFileUnderOtherSiren) is { } conflict)
            {
                Add(found, siren, conflict);
            }
        }
    }

    /// <summary>MEMBER_NOT_IN_ROSTER and MANDATE_MISSING against the roster as it is now, for every member with a file.</summary>
    private static void FindRosterGaps(ConsolidationInput input, Known known, Dictionary<string, List<Issue>> found)
    {
        if (input.Roster is null)
        {
            return;
        }

        foreach (string siren in known.Sirens.Where(s => known.Current.ContainsKey(s) || known.Latest.ContainsKey(s)))
        {
            if (!known.Roster.TryGetValue(siren, out RosterMember? entry))
            {
                Add(found, siren, IssueCatalog.Create(
                    IssueCodes.MemberNotInRoster,
                    $"Le SIREN {Siren.Format(siren)} ne figure pas dans la liste des membres du réseau (reseau.xlsx).",
                    sheet: "Organisme", column: "SIREN", value: siren));
            }
            else if (entry.MandateReceived == false)
            {
                Add(found, siren, IssueCatalog.Create(
                    IssueCodes.MandateMissing,
                    $"La liste du réseau (reseau.xlsx, ligne {entry.Row}) indique que la lettre de mandat de ce membre n'a pas été reçue.",
                    sheet: "Organisme", column: "SIREN", value: siren));
            }
        }
    }

    /// <summary>SIRET_DUPLICATE_NETWORK for every member declaring a SIRET that another member declares too.</summary>
    private static void FindSiretsDeclaredTwice(Known known, Dictionary<string, List<Issue>> found)
    {
        var bySiret = new Dictionary<string, List<(string Siren, Establishment Row)>>(StringComparer.Ordinal);
        foreach ((string siren, Submission s) in known.Current.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (Establishment e in s.Data!.Establishments)
            {
                if (e.Siret is { Length: 14 } siret)
                {
                    if (!bySiret.TryGetValue(siret, out var list))
                    {
                        bySiret[siret] = list = [];
                    }

                    if (!list.Exists(x => x.Siren == siren))
                    {
                        list.Add((siren, e));
                    }
                }
            }
        }

        foreach ((string siret, var claims) in bySiret.Where(p => p.Value.Count > 1))
        {
            string who = string.Join(", ", claims.Select(c => $"{NameOf(known.Current[c.Siren])} (SIREN {Siren.Format(c.Siren)})"));
            foreach ((string siren, Establishment row) in claims)
            {
                Add(found, siren, IssueCatalog.Create(
                    IssueCodes.SiretDuplicateNetwork,
                    $"Le SIRET {Siret.Format(siret)} est déclaré par plusieurs membres du réseau : {who}.",
                    sheet: "Etablissements", row: row.Row, column: "SIRET", value: siret));
            }
        }
    }

    /// <summary>One member: its current version's issues (roster findings replaced by fresh ones, CV severity of the
    /// network size) plus the network findings; left out when it has no accepted version or a blocking error.</summary>
    private static ConsolidatedMember Member(ConsolidationInput input, Known known, string siren, List<Issue> consolidation, bool large)
    {
        known.Current.TryGetValue(siren, out Submission? version);
        known.Latest.TryGetValue(siren, out MemberStatus? last);
        known.Roster.TryGetValue(siren, out RosterMember? entry);

        if (version is null && last is null)
        {
            return new ConsolidatedMember
            {
                Siren = siren,
                Name = entry?.Name ?? siren,
                State = MemberState.Missing,
                RosterEntry = entry,
                Issues = [],
                ExclusionReason = "aucun fichier reçu",
            };
        }

        Submission? issuesFrom = version ?? LatestVersion(input, siren, last);
        List<Issue> issues =
        [
            .. (issuesFrom?.Issues ?? [])
                .Where(i => !RosterCodes.Contains(i.Code) && i.Code != IssueCodes.FileDuplicate)
                .Select(i => NetworkSize.WithCvSeverity(i, large)),
            .. consolidation,
        ];
        bool blocked = version is null || issues.Any(i => i.Severity == Severity.Error);
        string? reason = null;
        if (version is null)
        {
            reason = "dernier fichier refusé et aucune version acceptée";
        }
        else if (blocked)
        {
            reason = "erreur(s) bloquante(s) : " + string.Join(", ", issues.Where(i => i.Severity == Severity.Error)
                .Select(i => i.Code).Distinct(StringComparer.Ordinal));
        }

        bool latestRefused = last?.Status == SubmissionStatus.Refused;
        MemberState state = blocked || latestRefused ? MemberState.InError
            : issues.Any(i => i.Severity == Severity.Warning) ? MemberState.WithWarnings
            : MemberState.Valid;
        return new ConsolidatedMember
        {
            Siren = siren,
            Name = version is not null ? NameOf(version) : last?.Name ?? entry?.Name ?? siren,
            State = state,
            Included = !blocked,
            Current = version,
            Latest = last,
            RosterEntry = entry,
            Issues = issues,
            IssuesFile = issuesFrom?.FileName ?? last?.FileName,
            ExclusionReason = reason,
        };
    }

    /// <summary>Table 1.4: every site of the included members, in the région of its postal code.</summary>
    private static List<AnnexEstablishment> Establishments(List<ConsolidatedMember> included)
    {
        var establishments = new List<AnnexEstablishment>();
        foreach (ConsolidatedMember m in included)
        {
            var mismatchRows = new HashSet<int>(m.Issues
                .Where(i => i.Code == IssueCodes.RegionMismatch && i.Row is not null && IsEstablishmentSheet(i.Sheet))
                .Select(i => i.Row!.Value));
            var seen = new HashSet<(string, string)>();
            foreach (Establishment e in m.Current!.Data!.Establishments
                         .Where(e => e.Siret is { Length: 14 })
                         .OrderBy(e => e.Siret, StringComparer.Ordinal)
                         .ThenBy(e => e.Row))
            {
                // One row = one site; the same SIRET at the same address twice is SIRET_DUPLICATE (blocking), so
                // this only guards against counting a stored duplicate twice.
                if (!seen.Add((e.Siret!, e.AddressKey)))
                {
                    continue;
                }

                string? regionCode = SiteRegion.Of(e.PostalCode, e.RegionCode);
                establishments.Add(new AnnexEstablishment(
                    m.Siren,
                    m.Name,
                    string.IsNullOrWhiteSpace(e.Name) ? m.Name : e.Name.Trim(),
                    e.Siret!,
                    AddressLine(e.Address, e.PostalCode, e.City),
                    regionCode,
                    regionCode is null ? "" : FrenchGeography.RegionByCode(regionCode)?.Name ?? regionCode)
                {
                    PostalCode = e.PostalCode,
                    DeclaredRegionDiffers = mismatchRows.Contains(e.Row),
                });
            }
        }

        return establishments;
    }

    /// <summary>The CV sample, listed in member order, then by row and name.</summary>
    private static CvSample DrawCvSample(
        List<ConsolidatedMember> included, int evaluators, int trainers, int networkSize, ConsolidationSettings settings)
    {
        CvSample sample = CvSampler.Draw(
            [.. included.Select(m => new CvSampler.Candidate(m, m.Current!.Data!, MemberRegion(m.Current!.Data!)))],
            evaluators,
            trainers,
            networkSize,
            settings);
        var position = included.Select((m, i) => (m.Siren, i)).ToDictionary(p => p.Siren, p => p.i, StringComparer.Ordinal);
        return sample with
        {
            Selected =
            [
                .. sample.Selected
                    .OrderBy(c => position[c.MemberSiren])
                    .ThenBy(c => c.Person.Row)
                    .ThenBy(c => c.Person.LastName, StringComparer.Ordinal)
                    .ThenBy(c => c.Person.FirstName, StringComparer.Ordinal),
            ],
        };
    }

    /// <summary>The network findings in member order, with MEMBER_MISSING for each roster member without a file.</summary>
    private static IEnumerable<NetworkIssue> MemberIssues(List<ConsolidatedMember> members, Dictionary<string, List<Issue>> found)
    {
        foreach (ConsolidatedMember m in members)
        {
            foreach (Issue issue in found.GetValueOrDefault(m.Siren) ?? [])
            {
                yield return new NetworkIssue(m.Siren, m.Name, issue);
            }

            if (m.State == MemberState.Missing)
            {
                yield return new NetworkIssue(m.Siren, m.Name, IssueCatalog.Create(
                    IssueCodes.MemberMissing,
                    $"{m.Name} (SIREN {Siren.Format(m.Siren)}) figure dans la liste du réseau mais n'a déposé aucun fichier.",
                    value: m.Siren));
            }
        }
    }

    /// <summary>CV_SAMPLE_INSUFFICIENT: for the network as a whole when a large network has too few CVs, for each member
    /// without both CVs when a small one does.</summary>
    private static IEnumerable<NetworkIssue> SampleShortfalls(
        List<ConsolidatedMember> included, CvSample sample, int networkSize, int mobilisable, bool fromRoster, ConsolidationSettings settings)
    {
        if (sample.LargeNetwork && sample.Available < sample.Required)
        {
            return
            [
                new NetworkIssue(null, null, IssueCatalog.Create(
                    IssueCodes.CvSampleInsufficient,
                    Fr(
                        $"Le réseau compte {NetworkSize.Describe(networkSize, fromRoster)} : l'annexe doit comporter au moins {sample.Required} CV ",
                        $"({settings.SamplePercent:0.##} % de {mobilisable} intervenants mobilisables, arrondi au supérieur), ",
                        $"mais seuls {sample.Available} CV sont disponibles."),
                    value: sample.Available.ToString(CultureInfo.InvariantCulture))),
            ];
        }

        return !sample.LargeNetwork && sample.SelectedCount < sample.Required
            ? SmallNetworkShortfalls(included, sample, networkSize, fromRoster)
            : [];
    }

    private static Issue? SirenConflict(
        string siren,
        IReadOnlyList<Submission> versions,
        int campaign,
        Dictionary<string, List<(string Siren, DateTime ReceivedAtUtc)>> currentByName)
    {
        var claims = versions
            .Where(v => v.Campaign == campaign && v.Status != SubmissionStatus.Duplicate && !string.IsNullOrWhiteSpace(v.MemberName))
            .Where(v =>
            {
                string name = LabelText.Normalize(v.MemberName);
                // Withdrawn: the same organisation sent a later file under another SIREN.
                return !(currentByName.TryGetValue(name, out var elsewhere)
                         && elsewhere.Exists(e => e.Siren != siren && e.ReceivedAtUtc > v.ReceivedAtUtc));
            })
            .GroupBy(v => LabelText.Normalize(v.MemberName), StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(v => v.ReceivedAtUtc).ThenByDescending(v => v.Version).First())
            .OrderBy(v => v.ReceivedAtUtc)
            .ThenBy(v => v.Version)
            .ToList();
        if (claims.Count < 2 || SameOrganisation(claims))
        {
            return null;
        }

        string list = string.Join(", ", claims.Select(v => $"« {v.MemberName!.Trim()} » ({v.FileName}, version {v.Version})"));
        return IssueCatalog.Create(
            IssueCodes.SirenConflict,
            $"Le SIREN {Siren.Format(siren)} est revendiqué par des fichiers de raisons sociales différentes : {list}.",
            sheet: "Organisme", column: "SIREN", value: siren);
    }

    /// <summary>
    /// True when every name claiming the SIREN belongs to one organisation that renamed itself: each file shares its
    /// NDA (numéro de déclaration d'activité, one per organisation) or its main contact's e-mail with another one,
    /// all linked together. Then the newest file supersedes the older ones (rules.md) instead of conflicting.
    /// </summary>
    private static bool SameOrganisation(List<Submission> claims)
    {
        var group = new HashSet<int> { 0 };
        bool grew = true;
        while (grew)
        {
            grew = false;
            for (int i = 0; i < claims.Count; i++)
            {
                if (!group.Contains(i) && group.Any(j => SameIdentity(claims[i], claims[j])))
                {
                    group.Add(i);
                    grew = true;
                }
            }
        }

        return group.Count == claims.Count;
    }

    private static bool SameIdentity(Submission a, Submission b)
    {
        MemberOrganisation? x = a.Data?.Organisation;
        MemberOrganisation? y = b.Data?.Organisation;
        if (x is null || y is null)
        {
            return false;
        }

        return (x.Nda is { Length: > 0 } nda && nda == y.Nda)
               || (x.MainContact.Email is { Length: > 0 } email
                   && string.Equals(email.Trim(), y.MainContact.Email?.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Small network: each included member without an evaluator or a trainer CV in the sample.</summary>
    private static IEnumerable<NetworkIssue> SmallNetworkShortfalls(
        List<ConsolidatedMember> included, CvSample sample, int networkSize, bool fromRoster)
    {
        foreach (ConsolidatedMember m in included)
        {
            List<SampledCv> cvs = [.. sample.Selected.Where(c => c.MemberSiren == m.Siren)];
            bool evaluator = cvs.Exists(c => c.CountedAs.HasFlag(IntervenantRole.Evaluator));
            bool trainer = cvs.Exists(c => c.CountedAs.HasFlag(IntervenantRole.Trainer));
            if (evaluator && trainer)
            {
                continue;
            }

            string missing = !evaluator && !trainer ? "ni CV d'évaluateur ni CV de formateur"
                : !evaluator ? "aucun CV d'évaluateur" : "aucun CV de formateur";
            yield return new NetworkIssue(m.Siren, m.Name, IssueCatalog.Create(
                IssueCodes.CvSampleInsufficient,
                $"Le réseau compte {NetworkSize.Describe(networkSize, fromRoster)} (au plus le seuil) : chaque membre de l'annexe "
                + $"doit fournir un CV d'évaluateur et un CV de formateur, mais {m.Name} (SIREN {Siren.Format(m.Siren)}) n'en a {missing}.",
                value: m.Siren));
        }
    }

    /// <summary>Form 3.2: per included member and year (rows of one year summed), then the network per year.</summary>
    private static (List<MemberActivity> PerMember, List<YearActivity> PerYear) Activity(List<ConsolidatedMember> included)
    {
        var perMember = new List<MemberActivity>();
        foreach (ConsolidatedMember m in included)
        {
            perMember.AddRange(m.Current!.Data!.Activity
                .Where(a => a.Year is not null)
                .GroupBy(a => a.Year!.Value)
                .OrderBy(g => g.Key)
                .Select(g => new MemberActivity(m.Siren, m.Name, g.Key, ActivityFigures.Sum(
                    g.Select(a => new ActivityFigures(a.Registered, a.PriorEvaluations, a.FinalEvaluations, a.Certified))))));
        }

        List<YearActivity> perYear =
        [
            .. perMember.GroupBy(a => a.Year).OrderBy(g => g.Key)
                .Select(g => new YearActivity(g.Key, ActivityFigures.Sum(g.Select(a => a.Figures)))),
        ];
        return (perMember, perYear);
    }

    private static bool IsEstablishmentSheet(string? sheet) => MemberWorkbookSchema.Etablissements.IsNamed(sheet);

    private static Submission? LatestVersion(ConsolidationInput input, string siren, MemberStatus? last) =>
        input.Versions.TryGetValue(siren, out IReadOnlyList<Submission>? versions)
            ? versions.LastOrDefault(v => last is null || v.Version == last.Version) ?? (versions.Count > 0 ? versions[^1] : null)
            : null;

    private static string NameOf(Submission s) =>
        s.Data?.Organisation.Name is { Length: > 0 } name ? name.Trim() : s.MemberName?.Trim() ?? s.Siren ?? "";

    /// <summary>The member's région: its head office's, else its first establishment's.</summary>
    private static string? MemberRegion(MemberData data) =>
        SiteRegion.Of(data.Organisation.PostalCode, data.Organisation.RegionCode)
        ?? data.Establishments.Select(e => SiteRegion.Of(e.PostalCode, e.RegionCode)).FirstOrDefault(c => c is not null);

    internal static string AddressLine(string? address, string? postalCode, string? city)
    {
        string place = string.Join(' ', new[] { postalCode, city }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        return string.Join(", ", new[] { address?.Trim(), place }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }
}
