using System.Globalization;
using System.Text;

namespace CleaNum.Core.Geography;

/// <summary>Normalised région names and aliases used by <see cref="FrenchGeography.MatchRegion"/>.</summary>
internal static class RegionNames
{
    private static readonly HashSet<string> IgnoredWords = new(StringComparer.Ordinal)
    {
        "region", "regions", "la", "le", "les", "l", "de", "du", "des", "d", "et", "en", "ex", "ancienne",
    };

    /// <summary>Normalised key → current région code.</summary>
    public static IReadOnlyDictionary<string, string> Current { get; } = BuildCurrent();

    /// <summary>Normalised key → (display name of the pre-2016 région, code of the current région that absorbed it).</summary>
    public static IReadOnlyDictionary<string, (string Name, string Code)> Former { get; } = BuildFormer();

    /// <summary>
    /// "Région Île-de-France" → "iledefrance": accents removed, lower case, anything but letters treated as a separator,
    /// articles, "région" and digits dropped, words glued together.
    /// </summary>
    public static string Key(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (char c in TextFolding.Fold(text))
        {
            if (char.IsLetter(c))
            {
                current.Append(c);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return string.Concat(words);

        void Flush()
        {
            if (current.Length > 0)
            {
                string word = current.ToString();
                if (!IgnoredWords.Contains(word))
                {
                    words.Add(word);
                }

                current.Clear();
            }
        }
    }

    private static Dictionary<string, string> BuildCurrent()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string code, params string[] names)
        {
            foreach (string name in names)
            {
                map[Key(name)] = code;
            }
        }

        Add("01", "Guadeloupe");
        Add("02", "Martinique");
        Add("03", "Guyane", "Guyane française");
        Add("04", "La Réunion", "Réunion", "Ile de la Réunion");
        Add("06", "Mayotte");
        Add("11", "Île-de-France", "IDF", "Ile de France", "Région parisienne");
        Add("24", "Centre-Val de Loire", "Centre", "CVL", "Centre Val-de-Loire", "Val de Loire");
        Add("27", "Bourgogne-Franche-Comté", "BFC", "Bourgogne Franche Comte");
        Add("28", "Normandie");
        Add("32", "Hauts-de-France", "HDF", "Haut de France", "Hauts de France");
        Add("44", "Grand Est", "Grand-Est", "Grand'Est", "GE");
        Add("52", "Pays de la Loire", "PDL", "Pays-de-Loire", "Pays de Loire");
        Add("53", "Bretagne");
        Add("75", "Nouvelle-Aquitaine", "N-A", "Nouvelle Aquitaine");
        Add("76", "Occitanie");
        Add("84", "Auvergne-Rhône-Alpes", "AURA", "ARA", "Auvergne Rhone Alpes", "Rhône-Alpes-Auvergne");
        Add("93", "Provence-Alpes-Côte d'Azur", "PACA", "Sud", "Région Sud", "Provence", "Provence-Alpes-Côte-d'Azur", "Sud PACA");
        Add("94", "Corse", "Collectivité de Corse");
        return map;
    }

    private static Dictionary<string, (string Name, string Code)> BuildFormer()
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        void Add(string code, string name, params string[] aliases)
        {
            map[Key(name)] = (name, code);
            foreach (string alias in aliases)
            {
                map[Key(alias)] = (name, code);
            }
        }

        Add("44", "Alsace");
        Add("44", "Lorraine");
        Add("44", "Champagne-Ardenne", "Champagne Ardennes", "Champagne");
        Add("44", "Alsace-Champagne-Ardenne-Lorraine", "ACAL", "ALCA");
        Add("75", "Aquitaine");
        Add("75", "Limousin");
        Add("75", "Poitou-Charentes", "Poitou Charente", "Poitou");
        Add("75", "Aquitaine-Limousin-Poitou-Charentes", "ALPC");
        Add("84", "Auvergne");
        Add("84", "Rhône-Alpes", "Rhone Alpes");
        Add("27", "Bourgogne");
        Add("27", "Franche-Comté");
        Add("76", "Languedoc-Roussillon", "Languedoc");
        Add("76", "Midi-Pyrénées", "Midi Pyrenees");
        Add("76", "Languedoc-Roussillon-Midi-Pyrénées", "LRMP");
        Add("32", "Nord-Pas-de-Calais", "NPDC", "Nord Pas de Calais");
        Add("32", "Picardie");
        Add("32", "Nord-Pas-de-Calais-Picardie", "NPDCP");
        Add("28", "Haute-Normandie");
        Add("28", "Basse-Normandie");
        return map;
    }
}
