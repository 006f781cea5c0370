using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Export.Status;
using CleaNum.Export.Tests.Annex;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleaNum.Export.Tests.Status;

public sealed class StatusWorkbookWriterTests : IDisposable
{
    private static readonly DateTimeOffset GeneratedAt = new(2025, 7, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Writes_one_row_per_member_with_every_state_including_missing()
    {
        List<Submission> members = TestNetwork.Members(6); // member 5 carries a warning
        members[0] = members[0] with
        {
            Status = SubmissionStatus.Refused,
            Issues = [IssueCatalog.Create(IssueCodes.SiretChecksum, sheet: "Etablissements", row: 9, column: "SIRET")],
        };
        string absent = TestNetwork.Siren(950);
        NetworkConsolidation network = TestNetwork.Consolidate(members, TestNetwork.Roster(members, absent));
        var writer = new StatusWorkbookWriter(NullLogger<StatusWorkbookWriter>.Instance);

        string path = writer.Write(network, _folder.Path, GeneratedAt);
        ReadSheet sheet = IndependentReader.Read(path).Sheet(StatusWorkbookWriter.SheetName);

        Assert.Equal("CleANum-Reseau_Numerique_Solidaire-Etat-des-membres.xlsx", Path.GetFileName(path));
        Assert.Equal(["SIREN", "Organisme", "État", "Courriel du contact", "Mandat reçu", "Date du mandat", "Dernier fichier", "Version", "Reçu le"], sheet.Rows[0].Take(9));
        Assert.Equal(7, sheet.Rows.Count - 1);
        var states = sheet.Rows.Skip(1).ToDictionary(r => (string)r[0]!, r => (string)r[2]!);
        Assert.Equal("en erreur", states[members[0].Siren!]);
        Assert.Equal("avec avertissements", states[members[4].Siren!]);
        Assert.Equal("valide", states[members[1].Siren!]);
        Assert.Equal("manquant", states[absent]);
        object?[] first = sheet.Rows.Single(r => (string?)r[0] == members[1].Siren);
        Assert.Equal(members[1].FileName, first[6]);
        Assert.Equal(1d, first[7]);
        Assert.Equal("02/11/2025 19:06", first[8]); // 18:06 UTC + version offset, shown in Paris time (UTC+1 in November)
        Assert.Equal(1d, sheet.Rows.Single(r => (string?)r[0] == members[0].Siren)[9]);
        Assert.DoesNotContain(sheet.Rows[0], h => h is string text && text.StartsWith("État au", StringComparison.Ordinal));
    }

    [Fact]
    public void Removes_the_status_workbook_of_an_earlier_head_name_and_keeps_other_files()
    {
        List<Submission> members = TestNetwork.Members(3);
        string stale = _folder.File("CleANum-Tete_de_reseau-Etat-des-membres.xlsx");
        string annex = _folder.File("CleANum-Tete_de_reseau-PJ1-010725.xlsx");
        File.WriteAllText(stale, "old");
        File.WriteAllText(annex, "annex");
        var writer = new StatusWorkbookWriter(NullLogger<StatusWorkbookWriter>.Instance);

        string path = writer.Write(TestNetwork.Consolidate(members, TestNetwork.Roster(members)), _folder.Path, GeneratedAt);

        Assert.True(File.Exists(path));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(annex));
    }
}
