using System.Security.Cryptography;
using CleaNum.Core.Geography;

namespace CleaNum.Core.Tests.Geography;

public sealed class FrenchGeographyTests
{
    [Fact]
    public void Does_load_the_18_regions_of_the_cog()
    {
        IReadOnlyList<Region> regions = FrenchGeography.Regions;

        Assert.Equal(18, regions.Count);
        Assert.Equal(13, FrenchGeography.MetropolitanRegions.Count);
        Assert.Equal("Auvergne-Rhône-Alpes", FrenchGeography.RegionByCode("84")?.Name);
        Assert.Equal("Provence-Alpes-Côte d'Azur", FrenchGeography.RegionByCode("93")?.Name);
        Assert.Equal(101, FrenchGeography.DepartementRegionCodes.Count);
    }

    [SharedTheory]
    [InlineData("insee_cog2020_departement.csv")]
    [InlineData("insee_cog2020_region.csv")]
    [InlineData("laposte_019HexaSmal_2025.csv")]
    public void Does_embed_byte_for_byte_copies_when_reference_files_change(string file)
    {
        using Stream embedded = typeof(FrenchGeography).Assembly.GetManifestResourceStream("CleaNum.Core.Resources." + file)!;

        byte[] embeddedHash = SHA256.HashData(embedded);
        byte[] sharedHash = SHA256.HashData(File.ReadAllBytes(SharedReference.PathOf(file)));

        Assert.Equal(Convert.ToHexString(sharedHash), Convert.ToHexString(embeddedHash));
    }

    [SharedFact]
    public void Does_map_every_postal_code_of_la_poste_to_the_regions_of_its_communes()
    {
        var departementRegion = File.ReadLines(SharedReference.PathOf("insee_cog2020_departement.csv"))
            .Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => f[1]);
        var expected = new Dictionary<string, SortedSet<string>>();
        foreach (string line in File.ReadLines(SharedReference.PathOf("laposte_019HexaSmal_2025.csv")).Skip(1))
        {
            string[] fields = line.Split(';');
            string commune = fields[0];
            string departement = commune.Length == 5 && (commune[..2] is "97" or "98") ? commune[..3] : commune[..2];
            if (!expected.TryGetValue(fields[2], out SortedSet<string>? regions))
            {
                expected[fields[2]] = regions = [];
            }

            if (departementRegion.TryGetValue(departement, out string? region))
            {
                regions.Add(region);
            }
        }

        Assert.Equal(6_328, expected.Count);
        foreach ((string postalCode, SortedSet<string> regions) in expected)
        {
            PostalCodeInfo? info = FrenchGeography.LookupPostalCode(postalCode);

            Assert.NotNull(info);
            Assert.True(info.InBaseOfficielle, postalCode);
            Assert.True(regions.SequenceEqual(info.Regions.Select(r => r.Code)),
                $"{postalCode}: expected {string.Join(",", regions)}, got {string.Join(",", info.Regions.Select(r => r.Code))}");
            Assert.Equal(regions.Count == 0, info.Territory is not null);
        }
    }

    [Theory]
    [InlineData("01410", "01,39", "27,84")] // Ain and Jura: Bourgogne-Franche-Comté or Auvergne-Rhône-Alpes
    [InlineData("05700", "05,26", "84,93")]
    [InlineData("37160", "37,86", "24,75")]
    [InlineData("48250", "07,48", "76,84")]
    [InlineData("52100", "51,52", "44")] // two départements, one région
    [InlineData("33220", "24,33", "75")]
    public void Does_accept_both_regions_when_a_postal_code_spans_two_departements(string postalCode, string departements, string regions)
    {
        PostalCodeInfo info = FrenchGeography.LookupPostalCode(postalCode)!;

        Assert.Equal(departements.Split(','), info.DepartementCodes);
        Assert.Equal(regions.Split(','), info.Regions.Select(r => r.Code));
    }

    [Theory]
    [InlineData("20000", "2A")] // Ajaccio
    [InlineData("20090", "2A")]
    [InlineData("20200", "2B")] // Bastia
    [InlineData("20600", "2B")]
    [InlineData("20167", "2A")]
    public void Does_find_corsican_departement_when_postal_code_is_in_the_file(string postalCode, string departement)
    {
        PostalCodeInfo info = FrenchGeography.LookupPostalCode(postalCode)!;

        Assert.Contains(departement, info.DepartementCodes);
        Assert.Equal("94", Assert.Single(info.Regions).Code);
    }

    [Theory]
    [InlineData("75700", "75", "11")] // Paris CEDEX
    [InlineData("13395", "13", "93")] // Marseille CEDEX
    [InlineData("69999", "69", "84")]
    [InlineData("20199", "2A", "94")]
    [InlineData("20299", "2B", "94")]
    [InlineData("20699", "2B", "94")]
    [InlineData("97499", "974", "04")]
    [InlineData("97699", "976", "06")]
    [InlineData("97199", "971", "01")]
    public void Does_derive_departement_from_prefix_when_code_is_absent_from_la_poste_file(string postalCode, string departement, string region)
    {
        PostalCodeInfo info = FrenchGeography.LookupPostalCode(postalCode)!;

        Assert.False(info.InBaseOfficielle);
        Assert.Equal(departement, Assert.Single(info.DepartementCodes));
        Assert.Equal(region, Assert.Single(info.Regions).Code);
        Assert.Null(info.Territory);
    }

    [Fact]
    public void Does_accept_both_corsican_departements_when_prefix_is_ambiguous()
    {
        PostalCodeInfo info = FrenchGeography.LookupPostalCode("20399")!;

        Assert.Equal(["2A", "2B"], info.DepartementCodes);
        Assert.Equal("94", Assert.Single(info.Regions).Code);
    }

    [Theory]
    [InlineData("97133", "Saint-Barthélemy", true)]
    [InlineData("97150", "Saint-Martin", true)]
    [InlineData("97500", "Saint-Pierre-et-Miquelon", true)]
    [InlineData("98000", "Monaco", true)]
    [InlineData("98800", "Nouvelle-Calédonie", true)]
    [InlineData("98799", "Clipperton", true)]
    [InlineData("97599", "Saint-Pierre-et-Miquelon", false)]
    [InlineData("98099", "Monaco", false)]
    public void Does_give_territory_without_region_when_code_is_outside_any_region(string postalCode, string territory, bool inBase)
    {
        PostalCodeInfo info = FrenchGeography.LookupPostalCode(postalCode)!;

        Assert.Equal(territory, info.Territory);
        Assert.Empty(info.Regions);
        Assert.Equal(inBase, info.InBaseOfficielle);
    }

    [Theory]
    [InlineData("00100")]
    [InlineData("96000")]
    [InlineData("99000")]
    [InlineData("7500")]
    [InlineData("75A08")]
    public void Does_return_null_when_nothing_can_be_derived(string postalCode)
    {
        PostalCodeInfo? info = FrenchGeography.LookupPostalCode(postalCode);

        Assert.Null(info);
    }

    [Theory]
    [InlineData("01", "84")]
    [InlineData("2A", "94")]
    [InlineData("2b", "94")]
    [InlineData("974", "04")]
    [InlineData("976", "06")]
    public void Does_find_region_of_departement(string departement, string region)
    {
        Assert.Equal(region, FrenchGeography.RegionOfDepartement(departement)?.Code);
    }

    [Theory]
    [InlineData("975")]
    [InlineData("20")]
    [InlineData("99")]
    public void Does_return_no_region_for_unknown_or_regionless_departement(string departement)
    {
        Assert.Null(FrenchGeography.RegionOfDepartement(departement));
    }

    [Theory]
    [InlineData("Île-de-France", "11")]
    [InlineData("ile de france", "11")]
    [InlineData("ILE-DE-FRANCE", "11")]
    [InlineData("IDF", "11")]
    [InlineData("Région Île de France", "11")]
    [InlineData("PACA", "93")]
    [InlineData("Provence-Alpes-Côte d’Azur", "93")]
    [InlineData("provence alpes cote d'azur", "93")]
    [InlineData("Région Sud", "93")]
    [InlineData("AURA", "84")]
    [InlineData("Auvergne Rhône-Alpes", "84")]
    [InlineData("Grand-Est", "44")]
    [InlineData("grand est", "44")]
    [InlineData("Centre", "24")]
    [InlineData("Centre Val de Loire", "24")]
    [InlineData("Centre-Val-de-Loire", "24")]
    [InlineData("Réunion", "04")]
    [InlineData("La Reunion", "04")]
    [InlineData("BFC", "27")]
    [InlineData("Bourgogne-Franche-Comté", "27")]
    [InlineData("Hauts de France", "32")]
    [InlineData("Pays-de-la-Loire", "52")]
    [InlineData("Nouvelle Aquitaine", "75")]
    [InlineData(" occitanie ", "76")]
    [InlineData("Normandie", "28")]
    [InlineData("Bretagne", "53")]
    [InlineData("Corse", "94")]
    [InlineData("Guyane", "03")]
    [InlineData("Mayotte", "06")]
    [InlineData("Guadeloupe", "01")]
    [InlineData("Martinique", "02")]
    public void Does_match_current_region_leniently(string text, string code)
    {
        RegionMatch match = FrenchGeography.MatchRegion(text);

        Assert.Equal(code, match.Region?.Code);
        Assert.Null(match.FormerRegionName);
    }

    [Fact]
    public void Does_match_every_cog_name_exactly()
    {
        foreach (Region region in FrenchGeography.Regions)
        {
            Assert.Equal(region, FrenchGeography.MatchRegion(region.Name).Region);
        }
    }

    [Theory]
    [InlineData("Rhône-Alpes", "Rhône-Alpes", "84")]
    [InlineData("rhone alpes", "Rhône-Alpes", "84")]
    [InlineData("Auvergne", "Auvergne", "84")]
    [InlineData("Aquitaine", "Aquitaine", "75")]
    [InlineData("Limousin", "Limousin", "75")]
    [InlineData("Poitou-Charentes", "Poitou-Charentes", "75")]
    [InlineData("Midi-Pyrénées", "Midi-Pyrénées", "76")]
    [InlineData("Languedoc-Roussillon", "Languedoc-Roussillon", "76")]
    [InlineData("Nord-Pas-de-Calais", "Nord-Pas-de-Calais", "32")]
    [InlineData("Picardie", "Picardie", "32")]
    [InlineData("Alsace", "Alsace", "44")]
    [InlineData("Lorraine", "Lorraine", "44")]
    [InlineData("Champagne-Ardenne", "Champagne-Ardenne", "44")]
    [InlineData("Bourgogne", "Bourgogne", "27")]
    [InlineData("Franche-Comté", "Franche-Comté", "27")]
    [InlineData("Haute-Normandie", "Haute-Normandie", "28")]
    [InlineData("Basse Normandie", "Basse-Normandie", "28")]
    [InlineData("ACAL", "Alsace-Champagne-Ardenne-Lorraine", "44")]
    public void Does_name_successor_when_text_is_a_former_region(string text, string former, string successor)
    {
        RegionMatch match = FrenchGeography.MatchRegion(text);

        Assert.Null(match.Region);
        Assert.Equal(former, match.FormerRegionName);
        Assert.Equal(successor, match.SuccessorRegion?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("France")]
    [InlineData("Paris")]
    [InlineData("Bavière")]
    public void Does_match_nothing_when_text_is_no_region(string text)
    {
        RegionMatch match = FrenchGeography.MatchRegion(text);

        Assert.Equal(new RegionMatch(null, null, null), match);
    }

    [Fact]
    public void Does_load_once_when_called_from_many_threads()
    {
        PostalCodeInfo?[] results = new PostalCodeInfo?[16];

        Parallel.For(0, results.Length, i => results[i] = FrenchGeography.LookupPostalCode("75008"));

        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Equal("11", Assert.Single(results[0]!.Regions).Code);
    }
}
