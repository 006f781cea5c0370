using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;

namespace CleaNum.Storage.Tests;

public sealed class SubmissionRepositoryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> Providers => TestDatabase.AvailableProviders();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Round_trips_a_full_submission(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var submission = ASubmission.Full();

        StoreResult result = await db.Store.AddAsync(submission, None);
        Submission? stored = await db.Store.GetAsync(result.Submission.Id, None);

        Assert.False(result.IsDuplicate);
        Assert.True(result.Submission.Id > 0);
        Assert.Equal(1, result.Submission.Version);
        Assert.NotNull(stored);
        Same.Submission(submission with { Id = result.Submission.Id, Version = 1 }, stored);
        Assert.Equal(DateTimeKind.Utc, stored.ReceivedAtUtc.Kind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Keeps_leading_zeros_of_identifiers(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var submission = ASubmission.Full(siren: "005720784");

        StoreResult result = await db.Store.AddAsync(submission, None);
        Submission stored = (await db.Store.GetAsync(result.Submission.Id, None))!;

        Assert.Equal("005720784", stored.Siren);
        Assert.Equal("01234567890", stored.Data!.Organisation.Nda);
        Assert.Equal("01000", stored.Data.Organisation.PostalCode);
        Assert.Equal("00572078400013", stored.Data.Establishments[0].Siret);
        Assert.Equal("01000", stored.Data.Establishments[0].PostalCode);
        Assert.Equal("00572078400013", stored.Data.Intervenants[0].Siret);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Round_trips_an_unreadable_file_without_data_nor_siren(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var submission = ASubmission.Unreadable();

        StoreResult first = await db.Store.AddAsync(submission, None);
        StoreResult second = await db.Store.AddAsync(ASubmission.Unreadable(), None);
        Submission stored = (await db.Store.GetAsync(first.Submission.Id, None))!;

        Assert.Equal(0, first.Submission.Version);
        Assert.Equal(0, second.Submission.Version);
        Same.Submission(submission with { Id = first.Submission.Id }, stored);
        Assert.Null(stored.Data);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Numbers_versions_1_2_3_per_member(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var versions = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            versions.Add((await db.Store.AddAsync(ASubmission.Full("005720784"), None)).Submission.Version);
        }

        int other = (await db.Store.AddAsync(ASubmission.Full("732829320"), None)).Submission.Version;
        IReadOnlyList<Submission> history = await db.Store.GetVersionsAsync("005720784", None);

        Assert.Equal([1, 2, 3], versions);
        Assert.Equal(1, other);
        Assert.Equal([1, 2, 3], history.Select(s => s.Version));
        Assert.All(history, s => Assert.Null(s.Data));
        Assert.All(history, s => Assert.Equal(2, s.Issues.Count));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Counts_distinct_members_of_a_campaign(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.AddAsync(ASubmission.Full("005720784"), None);
        await db.Store.AddAsync(ASubmission.Full("005720784"), None);
        await db.Store.AddAsync(ASubmission.Full("732829320") with { Status = SubmissionStatus.Refused }, None);
        await db.Store.AddAsync(ASubmission.Full("552100554") with { Campaign = 2024 }, None);
        await db.Store.AddAsync(ASubmission.Full("005720784") with { Siren = null, Data = null, MemberName = null }, None);

        int count2025 = await db.Store.CountMembersAsync(2025, None);
        int count2024 = await db.Store.CountMembersAsync(2024, None);

        Assert.Equal(2, count2025);
        Assert.Equal(1, count2024);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Current_version_is_the_latest_accepted_one(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.AddAsync(ASubmission.Full("005720784") with { Status = SubmissionStatus.Accepted }, None);
        StoreResult latestAccepted = await db.Store.AddAsync(
            ASubmission.Full("005720784") with { Status = SubmissionStatus.AcceptedWithWarnings, FileName = "v2.xlsx" }, None);
        StoreResult refused = await db.Store.AddAsync(
            ASubmission.Full("005720784") with { Status = SubmissionStatus.Refused, FileName = "v3.xlsx" }, None);
        await db.Store.AddAsync(ASubmission.Full("732829320") with { MemberName = "AAA Conseil" }, None);
        await db.Store.AddAsync(ASubmission.Full("552100554") with { Campaign = 2024 }, None);

        IReadOnlyList<Submission> current = await db.Store.GetCurrentVersionsAsync(2025, None);
        IReadOnlyList<MemberStatus> statuses = await db.Store.GetMemberStatusesAsync(2025, None);

        Assert.Equal(["732829320", "005720784"], current.Select(s => s.Siren)); // by member name: "AAA Conseil", "ACME Formation"
        Submission acme = current.Single(s => s.Siren == "005720784");
        Assert.Equal(latestAccepted.Submission.Id, acme.Id);
        Assert.Equal(2, acme.Version);
        Assert.NotNull(acme.Data);
        Assert.Equal(2, acme.Data.Establishments.Count);
        MemberStatus acmeStatus = statuses.Single(s => s.Siren == "005720784");
        Assert.Equal(refused.Submission.Version, acmeStatus.Version);
        Assert.Equal(SubmissionStatus.Refused, acmeStatus.Status);
        Assert.Equal("v3.xlsx", acmeStatus.FileName);
        Assert.Equal((0, 1, 2, 3), (acmeStatus.ErrorCount, acmeStatus.WarningCount, acmeStatus.EstablishmentCount, acmeStatus.IntervenantCount));
        Assert.Equal(2, statuses.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Recognises_a_byte_identical_file_and_stores_it_once(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        string sha = ASubmission.NewSha256();
        StoreResult first = await db.Store.AddAsync(ASubmission.Full(sha256: sha), None);

        StoreResult again = await db.Store.AddAsync(ASubmission.Full(sha256: sha) with { FileName = "copie.xlsx" }, None);
        Submission? found = await db.Store.FindBySha256Async(sha, None);

        Assert.True(again.IsDuplicate);
        Assert.Equal(first.Submission.Id, again.Submission.Id);
        Assert.Equal("CleANum-ACME.xlsx", again.Submission.FileName);
        Assert.Equal(first.Submission.Id, found?.Id);
        Assert.Equal(1, await db.CountAsync("submission"));
        Assert.Equal(2, await db.CountAsync("establishment"));
        Assert.Null(await db.Store.FindBySha256Async(ASubmission.NewSha256(), None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Stores_one_copy_when_two_writers_race_with_the_same_file(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        string sha = ASubmission.NewSha256();
        var writers = Enumerable.Range(0, 4).Select(_ => db.NewStore()).ToList();

        StoreResult[] results = await Task.WhenAll(writers.Select(w =>
            Task.Run(() => w.AddAsync(ASubmission.Full(sha256: sha), None))));

        Assert.Single(results, r => !r.IsDuplicate);
        Assert.All(results, r => Assert.Equal(results[0].Submission.Id, r.Submission.Id));
        Assert.Equal(1, await db.CountAsync("submission"));
        Assert.Equal(3, await db.CountAsync("intervenant"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Gives_distinct_versions_to_concurrent_writers_of_one_member(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var writers = Enumerable.Range(0, 6).Select(_ => db.NewStore()).ToList();

        StoreResult[] results = await Task.WhenAll(writers.Select(w =>
            Task.Run(() => w.AddAsync(ASubmission.Full("005720784"), None))));

        Assert.Equal([1, 2, 3, 4, 5, 6], results.Select(r => r.Submission.Version).Order());
        Assert.Equal(6, await db.CountAsync("submission"));
    }

    [Fact]
    public async Task Rejects_a_second_row_with_the_same_sha256_at_the_schema_level()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var connection = await db.Connections.OpenAsync(None);
        const string Insert = """
            INSERT INTO submission (file_name, sha256, received_at_utc, size_bytes, status, campaign, version, siren, member_name, has_data)
            VALUES ('a.xlsx', 'abc', '2025-01-01', 1, 'refused', 2025, 0, NULL, NULL, 0)
            """;
        await Dapper.SqlMapper.ExecuteAsync(connection, Insert);

        var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => Dapper.SqlMapper.ExecuteAsync(connection, Insert));

        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_issue_cell_address_and_severity()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var issue = new Issue(Severity.Error, "SIRET_CHECKSUM", "Etablissements", 7, "SIRET", "73282932000079", "Clé invalide", null)
        {
            CellAddress = "AB",
        };

        StoreResult result = await db.Store.AddAsync(ASubmission.Full() with { Issues = [issue] }, None);
        Issue stored = Assert.Single((await db.Store.GetAsync(result.Submission.Id, None))!.Issues);

        Assert.Equal(issue, stored);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Returns_the_latest_files_newest_first_with_or_without_siren(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = new List<long>();
        ids.Add((await db.Store.AddAsync(ASubmission.Full("005720784"), None)).Submission.Id);
        ids.Add((await db.Store.AddAsync(ASubmission.Unreadable(), None)).Submission.Id);
        ids.Add((await db.Store.AddAsync(ASubmission.Full("732829320"), None)).Submission.Id);
        ids.Add((await db.Store.AddAsync(ASubmission.Full("005720784"), None)).Submission.Id);

        IReadOnlyList<Submission> two = await db.Store.GetRecentAsync(2, None);
        IReadOnlyList<Submission> all = await db.Store.GetRecentAsync(50, None);

        Assert.Equal([ids[3], ids[2]], two.Select(s => s.Id));
        Assert.Equal(Enumerable.Reverse(ids), all.Select(s => s.Id));
        Assert.Null(all[2].Siren); // the unreadable file is an event too
        Assert.All(all.Where(s => s.Siren is not null), s => Assert.Equal(2, s.Issues.Count));
        Assert.Empty(await db.Store.GetRecentAsync(0, None));
    }
}
