using System.Text;

namespace CleaNum.Import;

/// <summary>Characters no spreadsheet (nor XML) can store: lone surrogates, U+FFFE/U+FFFF and the C0 controls other
/// than tab, line feed and carriage return. ExcelDataReader decodes them from <c>_xD800_</c>-style escapes.</summary>
internal static class UnstorableText
{
    public static bool Contains(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnstorableAt(text, ref i))
            {
                return true;
            }
        }

        return false;
    }

    public static string Remove(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            int start = i;
            if (!IsUnstorableAt(text, ref i))
            {
                builder.Append(text, start, i - start + 1);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when the character at <paramref name="i"/> cannot be stored; a valid surrogate pair advances
    /// <paramref name="i"/> past its low half.</summary>
    private static bool IsUnstorableAt(string text, ref int i)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                return false;
            }

            return true;
        }

        return char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c < ' ' && c is not '\t' and not '\n' and not '\r');
    }
}
