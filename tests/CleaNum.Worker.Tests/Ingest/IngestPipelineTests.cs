using ClosedXML.Excel;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using CleaNum.Worker.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Worker.Tests.Ingest;

public sealed class IngestPipelineTests
{
    [Theory]
    [InlineData("acme-formation-idf.xlsx", SubmissionStatus.Accepted)]
    [InlineData("cap-numerique-bretagne.xlsx", SubmissionStatus.Accepted)]
    [InlineData("savoirs-occitanie.xls", SubmissionStatus.Accepted)]
    [InlineData("formaclea-aura.xlsx", SubmissionStatus.Accepted)]
    [InlineData("numerique-grand-est.xlsx", SubmissionStatus.AcceptedWithWarnings)]
    [InlineData("erreurs-typiques-formanord.xlsx", SubmissionStatus.Refused)]
    [InlineData("illisible-formation-plus.xlsx", SubmissionStatus.Refused)]
    public async Task Does_give_each_sample_file_its_documented_outcome(string file, SubmissionStatus expected)
    {
        await using var fixture = await IngestFixture.CreateAsync();
        string dropped = fixture.Drop(file);

        IngestOutcome outcome = await fixture.IngestAsync(dropped);

        Assert.True(expected == outcome.Status, $"{file}: {outcome.Status}\n" + string.Join("\n", outcome.Issues.Select(i => $"{i.Code} {i.Sheet} {i.CellAddress} {i.Message}")));
        Assert.False(File.Exists(dropped));
        string finalFolder = expected == SubmissionStatus.Refused ? fixture.Data.Refused : fixture.Data.Archives;
        string stored = Assert.Single(IngestFixture.FilesUnder(finalFolder));
        Assert.EndsWith("-" + file, stored, StringComparison.Ordinal);
        Assert.StartsWith(outcome.Sha256[..12], Path.GetFileName(stored), StringComparison.Ordinal);
        Assert.Empty(IngestFixture.FilesUnder(fixture.Data.InProgress));
        Assert.NotNull(outcome.Report);
        Assert.True(File.Exists(Path.Combine(fixture.Root, outcome.Report)));
    }

    [Fact]
    public async Task Does_report_each_seeded_mistake_at_its_cell()
    {
        await using var fixture = await IngestFixture.CreateAsync();

        IngestOutcome outcome = await fixture.IngestAsync(fixture.Drop("erreurs-typiques-formanord.xlsx"));

        var found = outcome.Issues.Select(i => (i.Code, i.Sheet, i.CellAddress)).ToHashSet();
        (string, string?, string?)[] expected =
        [
            (IssueCodes.EmailFormat, "Organisme", "B15"),
            (IssueCodes.QualiopiExpired, "Organisme", "B23"),
            // Row 2 of each table sheet is the template's greyed example line: the member's rows start at 3.
            (IssueCodes.SiretChecksum, "Etablissements", "B3"),
            (IssueCodes.SiretSirenMismatch, "Etablissements", "B4"),
            (IssueCodes.RegionUnknown, "Etablissements", "F5"),
            (IssueCodes.DomainUnknown, "Intervenants", "F3"),
            (IssueCodes.YearInvalid, "Intervenants", "H3"),
            (IssueCodes.ActivityInconsistent, "Activite", "E3"),
            (IssueCodes.MandateMissing, "Organisme", "B3"),
            (IssueCodes.HrCountInconsistent, "Organisme", "B27"),
        ];
        foreach ((string, string?, string?) issue in expected)
        {
            Assert.Contains(issue, found);
        }

        Assert.Contains(outcome.Issues, i => i.Code == IssueCodes.CvTrainerMissing && i.Severity == Severity.Error);
        // The postal code typed as the number 1000 is read as 01000: no format error for it.
        Assert.DoesNotContain(outcome.Issues, i => i.Code == IssueCodes.PostalCodeFormat);
        Assert.Equal(SubmissionStatus.Refused, outcome.Status);
        Assert.NotNull(outcome.AnnotatedCopy);
    }

    [Fact]
    public async Task Does_store_a_byte_identical_file_only_once_and_report_it_as_duplicate()
    {
        await using var fixture = await IngestFixture.CreateAsync();
        IngestOutcome first = await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));

        IngestOutcome second = await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx", asName: "acme-renvoi.xlsx"));

        Assert.Equal(SubmissionStatus.Duplicate, second.Status);
        Assert.Equal(IssueCodes.FileDuplicate, Assert.Single(second.Issues).Code);
        Assert.Equal(first.Sha256, second.Sha256);
        var store = fixture.Host.Services.GetRequiredService<ISubmissionStore>();
        Submission only = Assert.Single(await store.GetVersionsAsync(first.Siren!, CancellationToken.None));
        Assert.Equal(1, only.Version);
        Assert.Contains("doublons", second.Report, StringComparison.Ordinal);
        Assert.Equal(2, IngestFixture.FilesUnder(fixture.Data.Archives).Count);
        Assert.Empty(IngestFixture.FilesUnder(fixture.Data.Depot));
    }

    [Fact]
    public async Task Does_make_a_resubmission_the_members_new_version()
    {
        await using var fixture = await IngestFixture.CreateAsync();
        IngestOutcome first = await fixture.IngestAsync(fixture.Drop("acme-formation-idf.xlsx"));
        string changed = fixture.Drop("acme-formation-idf.xlsx", asName: "acme-v2.xlsx");
        using (var workbook = new XLWorkbook(changed))
        {
            workbook.Worksheet("Etablissements").Cell(4, 1).SetValue("ACME Formation Boulogne (nouvelle adresse)");
            workbook.Save();
        }

        IngestOutcome second = await fixture.IngestAsync(changed);

        Assert.Equal(SubmissionStatus.Accepted, second.Status);
        Assert.Equal(first.Siren, second.Siren);
        Assert.Equal(2, second.Version);
        var store = fixture.Host.Services.GetRequiredService<ISubmissionStore>();
        int campaign = (await store.GetVersionsAsync(first.Siren!, CancellationToken.None))[^1].Campaign;
        Submission current = Assert.Single(await store.GetCurrentVersionsAsync(campaign, CancellationToken.None));
        Assert.Equal(2, current.Version);
        Assert.Contains(current.Data!.Establishments, e => e.Name.Contains("nouvelle adresse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Does_leave_a_file_outside_the_data_folder_untouched()
    {
        await using var fixture = await IngestFixture.CreateAsync();
        string outside = Path.Combine(fixture.Root, "..", "hors-dossier-" + Guid.NewGuid().ToString("N")[..6] + ".xlsx");
        File.Copy(IngestFixture.Sample("acme-formation-idf.xlsx"), outside);
        try
        {
            IngestOutcome outcome = await fixture.IngestAsync(outside);

            Assert.True(File.Exists(outside));
            Assert.Equal(SubmissionStatus.Accepted, outcome.Status);
            Assert.Single(IngestFixture.FilesUnder(fixture.Data.Archives));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task Does_finish_a_file_interrupted_after_it_was_stored_without_storing_it_twice()
    {
        await using var fixture = await IngestFixture.CreateAsync();
        string dropped = fixture.Drop("numerique-grand-est.xlsx");
        IngestOutcome original = await fixture.IngestAsync(dropped);
        // Simulate a kill between the database commit and the final move: the original is back in en-cours/ and the
        // archived copy does not exist yet.
        string archived = Assert.Single(IngestFixture.FilesUnder(fixture.Data.Archives));
        string interrupted = Path.Combine(fixture.Data.InProgress, "numerique-grand-est.xlsx");
        File.Move(archived, interrupted);

        int recovered = fixture.Pipeline().RecoverInProgress();
        IngestOutcome resumed = await fixture.IngestAsync(Path.Combine(fixture.Data.Depot, "numerique-grand-est.xlsx"));

        Assert.Equal(1, recovered);
        Assert.Equal(SubmissionStatus.AcceptedWithWarnings, resumed.Status);
        Assert.Equal(original.Version, resumed.Version);
        Assert.Equal(archived, Assert.Single(IngestFixture.FilesUnder(fixture.Data.Archives)));
        Assert.Empty(IngestFixture.FilesUnder(fixture.Data.InProgress));
        Assert.Empty(IngestFixture.FilesUnder(fixture.Data.Depot));
        var store = fixture.Host.Services.GetRequiredService<ISubmissionStore>();
        Assert.Single(await store.GetVersionsAsync(original.Siren!, CancellationToken.None));
    }

    [Fact]
    public async Task Does_keep_the_sub_folder_and_accented_names_inside_the_data_folder()
    {
        await using var fixture = await IngestFixture.CreateAsync(name: "dossier partagé é " + Guid.NewGuid().ToString("N")[..6]);
        string dropped = fixture.Drop("acme-formation-idf.xlsx", asName: "Dossier réseau ACME (v1).xlsx", subFolder: "Île-de-France");

        IngestOutcome outcome = await fixture.IngestAsync(dropped);

        Assert.Equal(SubmissionStatus.Accepted, outcome.Status);
        string stored = Assert.Single(IngestFixture.FilesUnder(fixture.Data.Archives));
        Assert.EndsWith("Dossier réseau ACME (v1).xlsx", stored, StringComparison.Ordinal);
        Assert.StartsWith(fixture.Data.Archives, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_derive_the_region_and_read_harmless_variations_without_any_issue()
    {
        await using var fixture = await IngestFixture.CreateAsync();

        IngestOutcome outcome = await fixture.IngestAsync(fixture.Drop("cap-numerique-bretagne.xlsx"));

        Assert.Empty(outcome.Issues);
        var store = fixture.Host.Services.GetRequiredService<ISubmissionStore>();
        Submission stored = (await store.GetVersionsAsync(outcome.Siren!, CancellationToken.None))[0];
        Submission full = (await store.GetAsync(stored.Id, CancellationToken.None))!;
        Assert.All(full.Data!.Establishments, e =>
        {
            Assert.Equal(14, e.Siret!.Length);
            Assert.Equal("53", e.RegionCode);
        });
        Assert.Equal("35000", full.Data.Establishments[0].PostalCode);
    }
}
