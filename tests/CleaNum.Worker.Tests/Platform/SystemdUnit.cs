using System.Text;

namespace CleaNum.Worker.Tests.Platform;

/// <summary>
/// Reads a unit file's <c>[Service]</c> <c>Environment=</c> lines the way systemd does (systemd.exec(5),
/// systemd.syntax(7)): each line is a space-separated list of words; a word may be quoted with "…" or '…' (anywhere in
/// the word) to hold spaces; C-style backslash escapes are resolved; "%%" is a literal "%"; a word that is not
/// NAME=value is ignored ("Invalid environment assignment, ignoring"); an empty <c>Environment=</c> clears the list;
/// later assignments win. Comments (#, ;) and trailing-backslash continuations are handled.
/// </summary>
internal static class SystemdUnit
{
    public static (Dictionary<string, string> Variables, List<string> Ignored) Environment(string unitText)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var ignored = new List<string>();
        string section = "";
        foreach (string line in LogicalLines(unitText))
        {
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                section = trimmed[1..^1];
                continue;
            }

            int equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (section != "Service" || equals < 0 || trimmed[..equals].Trim() != "Environment")
            {
                continue;
            }

            string value = trimmed[(equals + 1)..].Trim();
            if (value.Length == 0)
            {
                variables.Clear();
                continue;
            }

            foreach (string word in Words(value))
            {
                int assign = word.IndexOf('=', StringComparison.Ordinal);
                if (assign <= 0 || !IsValidName(word[..assign]))
                {
                    ignored.Add(word);
                    continue;
                }

                variables[word[..assign]] = word[(assign + 1)..];
            }
        }

        return (variables, ignored);
    }

    private static IEnumerable<string> LogicalLines(string text)
    {
        var current = new StringBuilder();
        foreach (string raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            bool comment = current.Length == 0 && raw.TrimStart() is ['#' or ';', ..];
            if (!comment && raw.EndsWith('\\'))
            {
                current.Append(raw.AsSpan(0, raw.Length - 1)).Append(' ');
                continue;
            }

            current.Append(raw);
            yield return current.ToString();
            current.Clear();
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>systemd's extract_first_word with EXTRACT_UNQUOTE | EXTRACT_CUNESCAPE, plus specifier "%%".</summary>
    private static IEnumerable<string> Words(string value)
    {
        int i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= value.Length)
            {
                yield break;
            }

            var word = new StringBuilder();
            char quote = '\0';
            for (; i < value.Length; i++)
            {
                char c = value[i];
                if (quote == '\0' && c is ' ' or '\t')
                {
                    break;
                }

                if (c == '\\' && i + 1 < value.Length)
                {
                    i++;
                    word.Append(value[i] switch
                    {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        'a' => '\a',
                        'b' => '\b',
                        'f' => '\f',
                        'v' => '\v',
                        char other => other,
                    });
                }
                else if (quote == '\0' && c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '%')
                {
                    if (i + 1 < value.Length && value[i + 1] == '%')
                    {
                        word.Append('%');
                        i++;
                    }
                    else
                    {
                        throw new InvalidDataException($"Specifier %{(i + 1 < value.Length ? value[i + 1] : ' ')} in an Environment= value: write %% for a literal %.");
                    }
                }
                else
                {
                    word.Append(c);
                }
            }

            if (quote != '\0')
            {
                throw new InvalidDataException($"Unbalanced quoting in Environment={value}");
            }

            yield return word.ToString();
        }
    }

    private static bool IsValidName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
