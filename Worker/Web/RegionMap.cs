using System.Xml.Linq;
using CleaNum.Core.Consolidation;

namespace CleaNum.Worker.Web;

/// <summary>The map of the régions: <c>Assets/regions.svg</c> (generated at build time from the reference outlines by
/// <c>RegionMapGenerator</c> in the tests, embedded here) with the covered régions marked and each région's sites in
/// its tooltip (<c>&lt;title&gt;</c>).</summary>
internal sealed class RegionMap
{
    private const int MaxSitesInTooltip = 12;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly XDocument _template;

    private RegionMap(XDocument template)
    {
        _template = template;
    }

    public static RegionMap Load()
    {
        using Stream stream = typeof(RegionMap).Assembly.GetManifestResourceStream(DashboardAssets.ResourcePrefix + "regions.svg")
            ?? throw new InvalidOperationException("regions.svg is not embedded");
        return new RegionMap(XDocument.Load(stream));
    }

    /// <summary>The région codes drawn (13 metropolitan + 5 overseas).</summary>
    public IReadOnlyList<string> Codes => [.. _template.Descendants(Svg + "path").Select(p => (string)p.Attribute("data-code")!)];

    public string Render(NetworkConsolidation network)
    {
        var covered = network.RegionsCovered.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var sites = network.Establishments.Where(e => e.RegionCode is not null).ToLookup(e => e.RegionCode!, StringComparer.Ordinal);
        var map = new XElement(_template.Root!);
        foreach (XElement path in map.Descendants(Svg + "path"))
        {
            string code = (string)path.Attribute("data-code")!;
            string name = (string?)path.Attribute("data-nom") ?? code;
            bool isCovered = covered.Contains(code);
            path.SetAttributeValue("class", isCovered ? "region couverte" : "region");
            var here = sites[code].ToList();
            string tooltip = here.Count == 0
                ? $"{name} : aucun site"
                : $"{name} : {here.Count} site{(here.Count > 1 ? "s" : "")} — "
                  + string.Join(", ", here.Take(MaxSitesInTooltip).Select(e => $"{e.Name} ({e.MemberName})"))
                  + (here.Count > MaxSitesInTooltip ? $", et {here.Count - MaxSitesInTooltip} autres" : "");
            path.Add(new XElement(Svg + "title", tooltip));
        }

        return map.ToString(SaveOptions.DisableFormatting);
    }
}
