using System.Xml.Linq;
using CleaNum.Core.Geography;
using CleaNum.Worker.Web;

namespace CleaNum.Worker.Tests.Web;

/// <summary>The committed map (<c>Worker/Web/Assets/regions.svg</c>) is what the generator makes from the reference
/// outlines. To regenerate it after changing the generator: <c>CLEANUM_REGENERATE_MAP=1 dotnet test
/// tests/CleaNum.Worker.Tests --filter RegionMapTests</c>.</summary>
public sealed class RegionMapTests
{
    [SharedFact]
    public void Does_match_the_map_generated_from_the_reference_outlines()
    {
        string committed = RepositoryFile(Path.Combine("Worker", "Web", "Assets", "regions.svg"));
        string geo = SharedFolder.Combine("reference", "geo");

        string generated = RegionMapGenerator.Generate(geo);
        if (Environment.GetEnvironmentVariable("CLEANUM_REGENERATE_MAP") == "1")
        {
            File.WriteAllText(committed, generated);
        }

        Assert.Equal(generated, File.ReadAllText(committed));
        Assert.InRange(generated.Length, 5_000, 80_000); // simplified: small enough to inline in every overview page
    }

    [Fact]
    public void Does_draw_every_region_of_the_reference_list_once()
    {
        RegionMap map = RegionMap.Load();

        Assert.Equal(FrenchGeography.Regions.Select(r => r.Code).Order(StringComparer.Ordinal), map.Codes.Order(StringComparer.Ordinal));
        XDocument svg = XDocument.Parse(File.ReadAllText(RepositoryFile(Path.Combine("Worker", "Web", "Assets", "regions.svg"))));
        Assert.Equal(5, svg.Descendants().Count(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "encart"));
    }

    private static string RepositoryFile(string relative)
    {
        for (DirectoryInfo? up = new(AppContext.BaseDirectory); up is not null; up = up.Parent)
        {
            string candidate = Path.Combine(up.FullName, relative);
            if (File.Exists(Path.Combine(up.FullName, "CleaNum.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
