using System.Collections.Frozen;

namespace CleaNum.Worker.Web;

/// <summary>The dashboard's own files (style sheet, the one script, the map), embedded in the executable: nothing to
/// deploy next to it, no front-end build chain.</summary>
internal static class DashboardAssets
{
    public const string ResourcePrefix = "CleaNum.Worker.Web.Assets.";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> Files = new Dictionary<string, (byte[], string)>
    {
        ["cleanum.css"] = (Read("cleanum.css"), "text/css; charset=utf-8"),
        ["cleanum.js"] = (Read("cleanum.js"), "text/javascript; charset=utf-8"),
        ["favicon.svg"] = (Read("favicon.svg"), "image/svg+xml"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryGet(string name, out byte[] bytes, out string contentType)
    {
        bool found = Files.TryGetValue(name, out var file);
        (bytes, contentType) = found ? file : ([], "");
        return found;
    }

    private static byte[] Read(string name)
    {
        using Stream stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"{name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
