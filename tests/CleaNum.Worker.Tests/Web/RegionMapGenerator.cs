using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CleaNum.Worker.Tests.Web;

/// <summary>Builds <c>Worker/Web/Assets/regions.svg</c> from <c>../shared/reference/geo/</c>: the 13 metropolitan
/// régions from the simplified file, the 5 overseas régions from the full one as insets on the left. Equirectangular
/// projection scaled by cos(46.5°), Douglas–Peucker simplification, coordinates rounded to 0.1 px, islands smaller
/// than a few pixels dropped. Deterministic: the same input always gives the same bytes (the test compares them).</summary>
internal static class RegionMapGenerator
{
    private const double MetroWidth = 560;
    private const double InsetColumn = 130;
    private const double InsetWidth = 110;
    private const double InsetHeight = 82;
    private const double InsetGap = 14;
    private const double Margin = 8;
    private const double Tolerance = 0.5; // px
    private const double MinIslandArea = 3; // px²
    private static readonly double CosLat = Math.Cos(46.5 * Math.PI / 180);
    private static readonly string[] Overseas = ["01", "02", "03", "04", "06"];

    public static string Generate(string geoFolder)
    {
        List<RegionShape> metro = Read(Path.Combine(geoFolder, "regions-metropole-simplifiees.geojson"));
        List<RegionShape> overseas = [.. Read(Path.Combine(geoFolder, "regions-avec-outre-mer.geojson")).Where(r => Overseas.Contains(r.Code))
            .OrderBy(r => r.Code, StringComparer.Ordinal)];

        (double minX, double minY, double maxX, double maxY) = Bounds(metro);
        double scale = MetroWidth / (maxX - minX);
        double metroHeight = (maxY - minY) * scale;
        double height = Math.Max(metroHeight, (Overseas.Length * (InsetHeight + InsetGap)) - InsetGap) + (2 * Margin);
        double width = InsetColumn + MetroWidth + (2 * Margin);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(width)} {F(height)}\" class=\"carte-france\" role=\"img\" aria-labelledby=\"carte-titre\">\n");
        svg.Append("<title id=\"carte-titre\">Carte des régions couvertes par le réseau</title>\n");
        svg.Append("<g class=\"metropole\">\n");
        foreach (RegionShape region in metro.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            svg.Append(PathElement(region, p => (Margin + InsetColumn + ((p.X - minX) * scale), Margin + ((p.Y - minY) * scale))));
        }

        svg.Append("</g>\n<g class=\"outre-mer\">\n");
        for (int i = 0; i < overseas.Count; i++)
        {
            RegionShape region = overseas[i];
            double boxX = Margin;
            double boxY = Margin + (i * (InsetHeight + InsetGap));
            (double x0, double y0, double x1, double y1) = Bounds([region]);
            double labelSpace = 12;
            double s = Math.Min((InsetWidth - 8) / (x1 - x0), (InsetHeight - labelSpace - 6) / (y1 - y0));
            double offsetX = boxX + ((InsetWidth - ((x1 - x0) * s)) / 2);
            double offsetY = boxY + labelSpace + ((InsetHeight - labelSpace - ((y1 - y0) * s)) / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"encart\"><rect x=\"{F(boxX)}\" y=\"{F(boxY)}\" width=\"{F(InsetWidth)}\" height=\"{F(InsetHeight)}\" rx=\"4\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(boxX + 4)}\" y=\"{F(boxY + 10)}\">{region.Name}</text>\n");
            svg.Append(PathElement(region, p => (offsetX + ((p.X - x0) * s), offsetY + ((p.Y - y0) * s))));
            svg.Append("</g>\n");
        }

        svg.Append("</g>\n</svg>\n");
        return svg.ToString();
    }

    private static string PathElement(RegionShape region, Func<Pt, (double X, double Y)> place)
    {
        var d = new StringBuilder();
        foreach (List<Pt> ring in region.Rings)
        {
            List<Pt> placed = [.. ring.Select(p => { var (x, y) = place(p); return new Pt(Math.Round(x, 1), Math.Round(y, 1)); })];
            if (Math.Abs(Area(placed)) < MinIslandArea)
            {
                continue;
            }

            List<Pt> simple = Simplify(placed);
            if (simple.Count < 3)
            {
                continue;
            }

            d.Append('M').Append(F(simple[0].X)).Append(' ').Append(F(simple[0].Y));
            foreach (Pt p in simple.Skip(1))
            {
                d.Append('L').Append(F(p.X)).Append(' ').Append(F(p.Y));
            }

            d.Append('Z');
        }

        return $"<path class=\"region\" data-code=\"{region.Code}\" data-nom=\"{region.Name}\" d=\"{d}\"/>\n";
    }

    private static List<RegionShape> Read(string path)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(path));
        var regions = new List<RegionShape>();
        foreach (JsonElement feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            JsonElement properties = feature.GetProperty("properties");
            JsonElement geometry = feature.GetProperty("geometry");
            var rings = new List<List<Pt>>();
            IEnumerable<JsonElement> polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray()
                : [geometry.GetProperty("coordinates")];
            foreach (JsonElement polygon in polygons)
            {
                // outer ring only: the régions' holes are other régions or lakes, drawn over anyway
                JsonElement outer = polygon.EnumerateArray().First();
                rings.Add([.. outer.EnumerateArray().Select(c => new Pt(c[0].GetDouble() * CosLat, -c[1].GetDouble()))]);
            }

            regions.Add(new RegionShape(properties.GetProperty("code").GetString()!, properties.GetProperty("nom").GetString()!, rings));
        }

        return regions;
    }

    private static (double MinX, double MinY, double MaxX, double MaxY) Bounds(IEnumerable<RegionShape> regions)
    {
        Pt[] all = [.. regions.SelectMany(r => r.Rings).SelectMany(r => r)];
        return (all.Min(p => p.X), all.Min(p => p.Y), all.Max(p => p.X), all.Max(p => p.Y));
    }

    private static double Area(List<Pt> ring)
    {
        double sum = 0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            sum += (ring[j].X * ring[i].Y) - (ring[i].X * ring[j].Y);
        }

        return sum / 2;
    }

    /// <summary>Douglas–Peucker on a closed ring (first point kept, split at the farthest point).</summary>
    private static List<Pt> Simplify(List<Pt> ring)
    {
        var keep = new bool[ring.Count];
        keep[0] = keep[^1] = true;
        int far = 0;
        double best = -1;
        for (int i = 1; i < ring.Count; i++)
        {
            double d = Math.Pow(ring[i].X - ring[0].X, 2) + Math.Pow(ring[i].Y - ring[0].Y, 2);
            if (d > best)
            {
                best = d;
                far = i;
            }
        }

        keep[far] = true;
        Mark(ring, 0, far, keep);
        Mark(ring, far, ring.Count - 1, keep);
        var result = new List<Pt>();
        for (int i = 0; i < ring.Count; i++)
        {
            if (keep[i] && (result.Count == 0 || result[^1] != ring[i]))
            {
                result.Add(ring[i]);
            }
        }

        if (result.Count > 1 && result[^1] == result[0])
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    private static void Mark(List<Pt> points, int first, int last, bool[] keep)
    {
        var stack = new Stack<(int, int)>();
        stack.Push((first, last));
        while (stack.Count > 0)
        {
            (int a, int b) = stack.Pop();
            double max = 0;
            int index = -1;
            for (int i = a + 1; i < b; i++)
            {
                double d = Distance(points[i], points[a], points[b]);
                if (d > max)
                {
                    max = d;
                    index = i;
                }
            }

            if (index >= 0 && max > Tolerance)
            {
                keep[index] = true;
                stack.Push((a, index));
                stack.Push((index, b));
            }
        }
    }

    private static double Distance(Pt p, Pt a, Pt b)
    {
        double dx = b.X - a.X;
        double dy = b.Y - a.Y;
        double length = Math.Sqrt((dx * dx) + (dy * dy));
        return length == 0
            ? Math.Sqrt(Math.Pow(p.X - a.X, 2) + Math.Pow(p.Y - a.Y, 2))
            : Math.Abs((dy * p.X) - (dx * p.Y) + (b.X * a.Y) - (b.Y * a.X)) / length;
    }

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private sealed record RegionShape(string Code, string Name, List<List<Pt>> Rings);

    private readonly record struct Pt(double X, double Y);
}
