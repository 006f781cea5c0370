using System.Text;
using CleaNum.Worker;
using FsCheck.Xunit;

namespace CleaNum.Worker.Tests.Platform;

/// <summary><see cref="DataFolder.SafeFileName"/> over names FsCheck draws, pieced together from what member file
/// names and attacks hold (separators, "..", drive letters, control characters, lone surrogates, accents, emoji).</summary>
public sealed class SafeFileNameProperties
{
    private static readonly string[] Pieces =
    [
        "..", ".", "/", "\\", "../", "..\\", "C:", ":", "*", "?", "\"", "<", ">", "|", "\0", "\u0001", "\n", "\t", " ",
        "\uD800", "\uDC00", "\uFFFD", "😀", "é", "Œuvre", "汉字", "a", "Z", "0", "-", "_", ".xlsx", ".xlsm", "CON", "~$",
        new string('x', 90), new string('é', 70), string.Concat(Enumerable.Repeat("😀", 40)),
    ];

    private static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "cleanum-safe-name"));

    private static string NameOf(int[]? picks) =>
        string.Concat((picks ?? []).Select(p => Pieces[(int)((uint)p % (uint)Pieces.Length)]));

    [Property(MaxTest = 500)]
    public bool Does_keep_every_name_inside_its_folder(int[]? picks)
    {
        string safe = DataFolder.SafeFileName(NameOf(picks));

        string full = Path.GetFullPath(Path.Combine(Root, safe));
        return safe.Length > 0
               && safe is not ("." or "..")
               && Path.GetFileName(safe) == safe
               && safe.IndexOfAny(['/', '\\', '\0']) < 0
               && full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
               && Path.GetDirectoryName(full) == Root;
    }

    [Property(MaxTest = 500)]
    public bool Does_bound_the_name_in_characters_and_utf8_bytes_without_splitting_a_character(int[]? picks)
    {
        string safe = DataFolder.SafeFileName(NameOf(picks));

        bool noLoneSurrogate = !safe.Where((c, i) => char.IsHighSurrogate(c) ? i + 1 >= safe.Length || !char.IsLowSurrogate(safe[i + 1])
            : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(safe[i - 1]))).Any();
        return safe.Length <= 120
               && Encoding.UTF8.GetByteCount(safe) <= DataFolder.MaxNameBytes
               && noLoneSurrogate
               && !safe.Any(char.IsControl);
    }

    [Property(MaxTest = 200)]
    public bool Does_leave_a_plain_short_name_as_it_is(byte length, bool macro)
    {
        string name = "membre-" + new string('a', length % 60) + (macro ? ".xlsm" : ".xlsx");

        return DataFolder.SafeFileName(name) == name;
    }
}
