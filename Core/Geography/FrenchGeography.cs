using System.Reflection;
using System.Text;

namespace CleaNum.Core.Geography;

/// <summary>
/// INSEE départements/régions (COG 2020) and La Poste's base officielle des codes postaux, embedded in Core
/// (<c>Core/Resources/*.csv</c>, byte-for-byte copies of <c>shared/reference</c>). Loaded lazily, once, thread-safely.
/// </summary>
public static class FrenchGeography
{
    private static readonly Lazy<GeographyData> Data = new(GeographyData.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The 18 régions of the COG, ordered by code.</summary>
    public static IReadOnlyList<Region> Regions => Data.Value.Regions;

    /// <summary>The 13 metropolitan régions (for "Couverture nationale").</summary>
    public static IReadOnlyList<Region> MetropolitanRegions => [.. Regions.Where(r => r.IsMetropolitan)];

    /// <summary>The 101 départements (code → région code), from the COG.</summary>
    public static IReadOnlyDictionary<string, string> DepartementRegionCodes => Data.Value.DepartementRegion;

    public static Region? RegionByCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Data.Value.RegionsByCode.GetValueOrDefault(code.Trim());
    }

    /// <summary>
    /// Lenient match: case, accents, hyphens, apostrophes, spaces, "Région", articles and common abbreviations (IDF,
    /// PACA, Sud, AURA, BFC, HDF, CVL…) ignored or recognised; pre-2016 names ("Rhône-Alpes", "Picardie"…) and the
    /// 2016 provisional names ("ACAL", "Nord-Pas-de-Calais-Picardie"…) give <see cref="RegionMatch.FormerRegionName"/>
    /// and <see cref="RegionMatch.SuccessorRegion"/> with a null <see cref="RegionMatch.Region"/>.
    /// </summary>
    public static RegionMatch MatchRegion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string key = RegionNames.Key(text);
        if (key.Length == 0)
        {
            return new RegionMatch(null, null, null);
        }

        if (RegionNames.Current.TryGetValue(key, out string? code))
        {
            return new RegionMatch(RegionByCode(code), null, null);
        }

        if (RegionNames.Former.TryGetValue(key, out (string Name, string Code) former))
        {
            return new RegionMatch(null, former.Name, RegionByCode(former.Code));
        }

        return new RegionMatch(null, null, null);
    }

    /// <summary>
    /// What a 5-digit postal code says. Codes of La Poste's file give the départements of their communes (and so one or
    /// two régions); other codes (CEDEX…) get <see cref="PostalCodeInfo.InBaseOfficielle"/> false and a département
    /// derived from the prefix (20xxx: 200–201 → 2A, 202 and 206 → 2B, otherwise both; 97x → 3 digits). Null only when
    /// nothing at all can be derived (not 5 ASCII digits, prefix "00", "96", unknown 98x/99x).
    /// </summary>
    public static PostalCodeInfo? LookupPostalCode(string postalCode)
    {
        ArgumentNullException.ThrowIfNull(postalCode);
        string code = postalCode.Trim();
        if (code.Length != 5 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        GeographyData data = Data.Value;
        if (data.PostalCodes.TryGetValue(code, out PostalCodeInfo? info))
        {
            return info;
        }

        string[] departements = DepartementsFromPrefix(code, data);
        string? territory = TerritoryFromPrefix(code);
        if (departements.Length == 0 && territory is null)
        {
            return null;
        }

        return data.Describe(code, departements, inBase: false, territory);
    }

    /// <summary>Région of a département code ("01", "2A", "974"); null for unknown or région-less territories.</summary>
    public static Region? RegionOfDepartement(string departementCode)
    {
        ArgumentNullException.ThrowIfNull(departementCode);
        GeographyData data = Data.Value;
        return data.DepartementRegion.TryGetValue(departementCode.Trim().ToUpperInvariant(), out string? region)
            ? data.RegionsByCode.GetValueOrDefault(region)
            : null;
    }

    /// <summary>Name of a région-less territory for a territory code ("975", "977", "978", "986"–"989") or Monaco ("99138").</summary>
    internal static string? TerritoryName(string code) => code switch
    {
        "975" => "Saint-Pierre-et-Miquelon",
        "977" => "Saint-Barthélemy",
        "978" => "Saint-Martin",
        "986" => "Wallis-et-Futuna",
        "987" => "Polynésie française",
        "988" => "Nouvelle-Calédonie",
        "989" => "Clipperton",
        "99138" => "Monaco",
        _ => null,
    };

    /// <summary>Département code of an INSEE commune code: 2 characters, 3 for 97x/98x; null for Monaco (99138).</summary>
    internal static string? DepartementOfCommune(string communeCode) =>
        communeCode.StartsWith("99", StringComparison.Ordinal) ? null
        : communeCode.StartsWith("97", StringComparison.Ordinal) || communeCode.StartsWith("98", StringComparison.Ordinal)
            ? communeCode[..3]
            : communeCode[..2];

    private static string[] DepartementsFromPrefix(string code, GeographyData data)
    {
        string two = code[..2];
        string three = code[..3];
        if (two == "20")
        {
            return three switch
            {
                "200" or "201" => ["2A"],
                "202" or "206" => ["2B"],
                _ => ["2A", "2B"],
            };
        }

        if (two is "97" or "98")
        {
            return data.DepartementRegion.ContainsKey(three) ? [three] : TerritoryName(three) is null ? [] : [three];
        }

        return data.DepartementRegion.ContainsKey(two) ? [two] : [];
    }

    private static string? TerritoryFromPrefix(string code) =>
        code.StartsWith("980", StringComparison.Ordinal) ? TerritoryName("99138") : TerritoryName(code[..3]);

    private sealed class GeographyData
    {
        private GeographyData(
            IReadOnlyList<Region> regions,
            Dictionary<string, string> departementRegion)
        {
            Regions = regions;
            RegionsByCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
            DepartementRegion = departementRegion;
        }

        public IReadOnlyList<Region> Regions { get; }

        public Dictionary<string, Region> RegionsByCode { get; }

        public Dictionary<string, string> DepartementRegion { get; }

        public Dictionary<string, PostalCodeInfo> PostalCodes { get; } = new(StringComparer.Ordinal);

        public static GeographyData Load()
        {
            var regions = new List<Region>();
            foreach (string[] fields in ReadCsv("insee_cog2020_region.csv", ','))
            {
                regions.Add(new Region(fields[0], fields[5]));
            }

            var departements = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string[] fields in ReadCsv("insee_cog2020_departement.csv", ','))
            {
                departements[fields[0]] = fields[1];
            }

            var data = new GeographyData([.. regions.OrderBy(r => r.Code, StringComparer.Ordinal)], departements);

            // 39,000 lines, read once per process: one small list per postal code (a commune's département repeats
            // along its lines), sorted at the end, rather than sorted sets kept in order at every line.
            var byPostalCode = new Dictionary<string, (List<string> Departements, string? Territory)>(8_000, StringComparer.Ordinal);
            foreach (string line in ReadLines("laposte_019HexaSmal_2025.csv"))
            {
                // code commune ; nom ; code postal ; …
                int first = line.IndexOf(';', StringComparison.Ordinal);
                int second = first < 0 ? -1 : line.IndexOf(';', first + 1);
                int third = second < 0 ? -1 : line.IndexOf(';', second + 1);
                if (third < 0)
                {
                    continue;
                }

                string commune = line[..first];
                string postalCode = line[(second + 1)..third];
                if (!byPostalCode.TryGetValue(postalCode, out var entry))
                {
                    entry = ([], null);
                }

                string? departement = DepartementOfCommune(commune);
                string? territory = TerritoryName(departement ?? commune);
                if (departement is not null && !entry.Departements.Contains(departement, StringComparer.Ordinal))
                {
                    entry.Departements.Add(departement);
                }

                byPostalCode[postalCode] = (entry.Departements, entry.Territory ?? territory);
            }

            foreach (string postalCode in byPostalCode.Keys.Order(StringComparer.Ordinal))
            {
                (List<string> deps, string? territory) = byPostalCode[postalCode];
                deps.Sort(StringComparer.Ordinal);
                data.PostalCodes[postalCode] = data.Describe(postalCode, [.. deps], inBase: true, territory);
            }

            return data;
        }

        public PostalCodeInfo Describe(string postalCode, string[] departements, bool inBase, string? territory)
        {
            Region[] regions =
            [
                .. departements
                    .Select(d => DepartementRegion.GetValueOrDefault(d))
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .Select(c => RegionsByCode[c]),
            ];
            return new PostalCodeInfo(postalCode, departements, regions, inBase, territory);
        }

        private static IEnumerable<string[]> ReadCsv(string name, char separator) => ReadLines(name).Select(line => line.Split(separator));

        /// <summary>The non-empty lines of an embedded CSV, its header line skipped.</summary>
        private static IEnumerable<string> ReadLines(string name)
        {
            Assembly assembly = typeof(FrenchGeography).Assembly;
            using Stream stream = assembly.GetManifestResourceStream("CleaNum.Core.Resources." + name)
                ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            _ = reader.ReadLine(); // header
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                {
                    yield return line;
                }
            }
        }
    }
}
