using System.Runtime.CompilerServices;
using System.Text.Json;
using CleaNum.Core.Parsing;

namespace CleaNum.Core.Tests.Parsing;

/// <summary>
/// 4,000 seeded random strings (digits mixed with Unicode spaces, dots, digits of other scripts, line separators,
/// letters, astral characters) and the verdicts a Python 3.11 transcription of python-stdnum 1.18 gave them
/// (<c>stdnum-fuzz-vectors.jsonl</c>, next to this file).
/// </summary>
public sealed class StdnumFuzzTests
{
    [Fact]
    public void Does_give_the_python_verdict_for_every_fuzz_vector()
    {
        List<string> mismatches = [];
        int count = 0;
        foreach (string line in File.ReadLines(VectorFile()))
        {
            Vector vector = JsonSerializer.Deserialize<Vector>(line)!;
            count++;

            string siren = Siren.Check(vector.Input).ToString();
            string siret = Siret.Check(vector.Input).ToString();

            if (siren != vector.Siren || siret != vector.Siret)
            {
                mismatches.Add($"{JsonSerializer.Serialize(vector.Input)}: SIREN {siren}/{vector.Siren}, SIRET {siret}/{vector.Siret}");
            }
        }

        Assert.Equal(4_000, count);
        Assert.Empty(mismatches);
    }

    private static string VectorFile([CallerFilePath] string sourceFile = "") =>
        Path.Combine(Path.GetDirectoryName(sourceFile)!, "stdnum-fuzz-vectors.jsonl");

    private sealed record Vector(
        [property: System.Text.Json.Serialization.JsonPropertyName("input")] string Input,
        [property: System.Text.Json.Serialization.JsonPropertyName("siren")] string Siren,
        [property: System.Text.Json.Serialization.JsonPropertyName("siret")] string Siret);
}
