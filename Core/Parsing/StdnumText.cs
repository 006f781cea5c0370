namespace CleaNum.Core.Parsing;

/// <summary>
/// python-stdnum's <c>stdnum.util.clean</c> (as shipped in 1.17–1.19): Unicode look-alikes are mapped to ASCII via
/// <c>_char_map</c>, then the delete characters are removed; <see cref="PythonStrip"/> is Python's <c>str.strip()</c>
/// and <see cref="IsAsciiDigits"/> is <c>stdnum.util.isdigits</c> (<c>^[0-9]+$</c>, ASCII only). The table below was
/// generated from the Unicode names listed in stdnum's source with Python's <c>unicodedata.lookup</c>.
/// </summary>
internal static class StdnumText
{
    private static readonly Dictionary<int, char> CharMap = new()
    {
            [0x0020] = ' ', // SPACE
            [0x0027] = '\'', // APOSTROPHE
            [0x002A] = '*', // ASTERISK
            [0x002C] = ',', // COMMA
            [0x002D] = '-', // HYPHEN-MINUS
            [0x002E] = '.', // FULL STOP
            [0x002F] = '/', // SOLIDUS
            [0x003A] = ':', // COLON
            [0x0060] = '\'', // GRAVE ACCENT
            [0x00A0] = ' ', // NO-BREAK SPACE
            [0x00AF] = '-', // MACRON
            [0x00B4] = '\'', // ACUTE ACCENT
            [0x00B7] = '.', // MIDDLE DOT
            [0x00B8] = ',', // CEDILLA
            [0x02B9] = '\'', // MODIFIER LETTER PRIME
            [0x02BB] = '\'', // MODIFIER LETTER TURNED COMMA
            [0x02BC] = '\'', // MODIFIER LETTER APOSTROPHE
            [0x02BE] = '\'', // MODIFIER LETTER RIGHT HALF RING
            [0x02BF] = '\'', // MODIFIER LETTER LEFT HALF RING
            [0x02C8] = '\'', // MODIFIER LETTER VERTICAL LINE
            [0x02D7] = '-', // MODIFIER LETTER MINUS SIGN
            [0x02D9] = '.', // DOT ABOVE
            [0x0300] = '\'', // COMBINING GRAVE ACCENT
            [0x0301] = '\'', // COMBINING ACUTE ACCENT
            [0x0312] = '\'', // COMBINING TURNED COMMA ABOVE
            [0x0313] = '\'', // COMBINING COMMA ABOVE
            [0x0387] = '.', // GREEK ANO TELEIA
            [0x055A] = '\'', // ARMENIAN APOSTROPHE
            [0x058A] = '-', // ARMENIAN HYPHEN
            [0x05BE] = '-', // HEBREW PUNCTUATION MAQAF
            [0x060C] = ',', // ARABIC COMMA
            [0x066B] = ',', // ARABIC DECIMAL SEPARATOR
            [0x066C] = ',', // ARABIC THOUSANDS SEPARATOR
            [0x066D] = '*', // ARABIC FIVE POINTED STAR
            [0x06D4] = '.', // ARABIC FULL STOP
            [0x0701] = '.', // SYRIAC SUPRALINEAR FULL STOP
            [0x0702] = '.', // SYRIAC SUBLINEAR FULL STOP
            [0x070D] = '*', // SYRIAC HARKLEAN ASTERISCUS
            [0x0830] = '.', // SAMARITAN PUNCTUATION NEQUDAA
            [0x083C] = '/', // SAMARITAN PUNCTUATION ARKAANU
            [0x0F0B] = '.', // TIBETAN MARK INTERSYLLABIC TSHEG
            [0x0F0C] = '.', // TIBETAN MARK DELIMITER TSHEG BSTAR
            [0x1361] = ':', // ETHIOPIC WORDSPACE
            [0x1680] = '-', // OGHAM SPACE MARK
            [0x16EB] = '.', // RUNIC SINGLE PUNCTUATION
            [0x16EC] = ':', // RUNIC MULTIPLE PUNCTUATION
            [0x1804] = ':', // MONGOLIAN COLON
            [0x180A] = '-', // MONGOLIAN NIRUGU
            [0x2000] = ' ', // EN QUAD
            [0x2001] = ' ', // EM QUAD
            [0x2002] = ' ', // EN SPACE
            [0x2003] = ' ', // EM SPACE
            [0x2004] = ' ', // THREE-PER-EM SPACE
            [0x2005] = ' ', // FOUR-PER-EM SPACE
            [0x2006] = ' ', // SIX-PER-EM SPACE
            [0x2007] = ' ', // FIGURE SPACE
            [0x2008] = ' ', // PUNCTUATION SPACE
            [0x2009] = ' ', // THIN SPACE
            [0x200A] = ' ', // HAIR SPACE
            [0x2010] = '-', // HYPHEN
            [0x2011] = '-', // NON-BREAKING HYPHEN
            [0x2012] = '-', // FIGURE DASH
            [0x2013] = '-', // EN DASH
            [0x2014] = '-', // EM DASH
            [0x2015] = '-', // HORIZONTAL BAR
            [0x2018] = '\'', // LEFT SINGLE QUOTATION MARK
            [0x2019] = '\'', // RIGHT SINGLE QUOTATION MARK
            [0x201A] = ',', // SINGLE LOW-9 QUOTATION MARK
            [0x201B] = '\'', // SINGLE HIGH-REVERSED-9 QUOTATION MARK
            [0x2022] = '.', // BULLET
            [0x2024] = '.', // ONE DOT LEADER
            [0x2027] = '.', // HYPHENATION POINT
            [0x202F] = ' ', // NARROW NO-BREAK SPACE
            [0x2032] = ',', // PRIME
            [0x203E] = '-', // OVERLINE
            [0x2043] = '-', // HYPHEN BULLET
            [0x2044] = '/', // FRACTION SLASH
            [0x204E] = '*', // LOW ASTERISK
            [0x2055] = '*', // FLOWER PUNCTUATION MARK
            [0x205F] = ' ', // MEDIUM MATHEMATICAL SPACE
            [0x207B] = '-', // SUPERSCRIPT MINUS
            [0x208B] = '-', // SUBSCRIPT MINUS
            [0x2212] = '-', // MINUS SIGN
            [0x2215] = '/', // DIVISION SLASH
            [0x2217] = '*', // ASTERISK OPERATOR
            [0x2219] = '.', // BULLET OPERATOR
            [0x22C5] = '.', // DOT OPERATOR
            [0x22C6] = '*', // STAR OPERATOR
            [0x23AF] = '-', // HORIZONTAL LINE EXTENSION
            [0x23BA] = '-', // HORIZONTAL SCAN LINE-1
            [0x23BB] = '-', // HORIZONTAL SCAN LINE-3
            [0x23BC] = '-', // HORIZONTAL SCAN LINE-7
            [0x23BD] = '-', // HORIZONTAL SCAN LINE-9
            [0x23E4] = '-', // STRAIGHTNESS
            [0x2731] = '*', // HEAVY ASTERISK
            [0x2732] = '*', // OPEN CENTRE ASTERISK
            [0x2733] = '*', // EIGHT SPOKED ASTERISK
            [0x273A] = '*', // SIXTEEN POINTED ASTERISK
            [0x273B] = '*', // TEARDROP-SPOKED ASTERISK
            [0x273C] = '*', // OPEN CENTRE TEARDROP-SPOKED ASTERISK
            [0x273D] = '*', // HEAVY TEARDROP-SPOKED ASTERISK
            [0x274A] = '*', // EIGHT TEARDROP-SPOKED PROPELLER ASTERISK
            [0x274B] = '*', // HEAVY EIGHT TEARDROP-SPOKED PROPELLER ASTERISK
            [0x27CB] = '/', // MATHEMATICAL RISING DIAGONAL
            [0x29F8] = '/', // BIG SOLIDUS
            [0x2E31] = '.', // WORD SEPARATOR MIDDLE DOT
            [0x2E33] = '.', // RAISED DOT
            [0x2E34] = ',', // RAISED COMMA
            [0x3000] = ' ', // IDEOGRAPHIC SPACE
            [0x3001] = ',', // IDEOGRAPHIC COMMA
            [0x3002] = '.', // IDEOGRAPHIC FULL STOP
            [0x30FB] = '.', // KATAKANA MIDDLE DOT
            [0xA60E] = '*', // VAI FULL STOP
            [0xFBB2] = '.', // ARABIC SYMBOL DOT ABOVE
            [0xFBB3] = '.', // ARABIC SYMBOL DOT BELOW
            [0xFE10] = ',', // PRESENTATION FORM FOR VERTICAL COMMA
            [0xFE13] = ':', // PRESENTATION FORM FOR VERTICAL COLON
            [0xFE30] = ':', // PRESENTATION FORM FOR VERTICAL TWO DOT LEADER
            [0xFE50] = ',', // SMALL COMMA
            [0xFE51] = ',', // SMALL IDEOGRAPHIC COMMA
            [0xFE52] = '.', // SMALL FULL STOP
            [0xFE55] = ':', // SMALL COLON
            [0xFE61] = '*', // SMALL ASTERISK
            [0xFE63] = '-', // SMALL HYPHEN-MINUS
            [0xFF0A] = '*', // FULLWIDTH ASTERISK
            [0xFF0C] = ',', // FULLWIDTH COMMA
            [0xFF0D] = '-', // FULLWIDTH HYPHEN-MINUS
            [0xFF0E] = '.', // FULLWIDTH FULL STOP
            [0xFF0F] = '/', // FULLWIDTH SOLIDUS
            [0xFF10] = '0', // FULLWIDTH DIGIT ZERO
            [0xFF11] = '1', // FULLWIDTH DIGIT ONE
            [0xFF12] = '2', // FULLWIDTH DIGIT TWO
            [0xFF13] = '3', // FULLWIDTH DIGIT THREE
            [0xFF14] = '4', // FULLWIDTH DIGIT FOUR
            [0xFF15] = '5', // FULLWIDTH DIGIT FIVE
            [0xFF16] = '6', // FULLWIDTH DIGIT SIX
            [0xFF17] = '7', // FULLWIDTH DIGIT SEVEN
            [0xFF18] = '8', // FULLWIDTH DIGIT EIGHT
            [0xFF19] = '9', // FULLWIDTH DIGIT NINE
            [0xFF1A] = ':', // FULLWIDTH COLON
            [0xFF65] = '.', // HALFWIDTH KATAKANA MIDDLE DOT
            [0xFFE3] = '-', // FULLWIDTH MACRON
            [0x10101] = '.', // AEGEAN WORD SEPARATOR DOT
            [0x1091F] = '.', // PHOENICIAN WORD SEPARATOR
            [0x10A50] = '.', // KHAROSHTHI PUNCTUATION DOT
            [0x1D7CE] = '0', // MATHEMATICAL BOLD DIGIT ZERO
            [0x1D7CF] = '1', // MATHEMATICAL BOLD DIGIT ONE
            [0x1D7D0] = '2', // MATHEMATICAL BOLD DIGIT TWO
            [0x1D7D1] = '3', // MATHEMATICAL BOLD DIGIT THREE
            [0x1D7D2] = '4', // MATHEMATICAL BOLD DIGIT FOUR
            [0x1D7D3] = '5', // MATHEMATICAL BOLD DIGIT FIVE
            [0x1D7D4] = '6', // MATHEMATICAL BOLD DIGIT SIX
            [0x1D7D5] = '7', // MATHEMATICAL BOLD DIGIT SEVEN
            [0x1D7D6] = '8', // MATHEMATICAL BOLD DIGIT EIGHT
            [0x1D7D7] = '9', // MATHEMATICAL BOLD DIGIT NINE
            [0x1D7D8] = '0', // MATHEMATICAL DOUBLE-STRUCK DIGIT ZERO
            [0x1D7D9] = '1', // MATHEMATICAL DOUBLE-STRUCK DIGIT ONE
            [0x1D7DA] = '2', // MATHEMATICAL DOUBLE-STRUCK DIGIT TWO
            [0x1D7DB] = '3', // MATHEMATICAL DOUBLE-STRUCK DIGIT THREE
            [0x1D7DC] = '4', // MATHEMATICAL DOUBLE-STRUCK DIGIT FOUR
            [0x1D7DD] = '5', // MATHEMATICAL DOUBLE-STRUCK DIGIT FIVE
            [0x1D7DE] = '6', // MATHEMATICAL DOUBLE-STRUCK DIGIT SIX
            [0x1D7DF] = '7', // MATHEMATICAL DOUBLE-STRUCK DIGIT SEVEN
            [0x1D7E0] = '8', // MATHEMATICAL DOUBLE-STRUCK DIGIT EIGHT
            [0x1D7E1] = '9', // MATHEMATICAL DOUBLE-STRUCK DIGIT NINE
            [0x1D7E2] = '0', // MATHEMATICAL SANS-SERIF DIGIT ZERO
            [0x1D7E3] = '1', // MATHEMATICAL SANS-SERIF DIGIT ONE
            [0x1D7E4] = '2', // MATHEMATICAL SANS-SERIF DIGIT TWO
            [0x1D7E5] = '3', // MATHEMATICAL SANS-SERIF DIGIT THREE
            [0x1D7E6] = '4', // MATHEMATICAL SANS-SERIF DIGIT FOUR
            [0x1D7E7] = '5', // MATHEMATICAL SANS-SERIF DIGIT FIVE
            [0x1D7E8] = '6', // MATHEMATICAL SANS-SERIF DIGIT SIX
            [0x1D7E9] = '7', // MATHEMATICAL SANS-SERIF DIGIT SEVEN
            [0x1D7EA] = '8', // MATHEMATICAL SANS-SERIF DIGIT EIGHT
            [0x1D7EB] = '9', // MATHEMATICAL SANS-SERIF DIGIT NINE
            [0x1D7EC] = '0', // MATHEMATICAL SANS-SERIF BOLD DIGIT ZERO
            [0x1D7ED] = '1', // MATHEMATICAL SANS-SERIF BOLD DIGIT ONE
            [0x1D7EE] = '2', // MATHEMATICAL SANS-SERIF BOLD DIGIT TWO
            [0x1D7EF] = '3', // MATHEMATICAL SANS-SERIF BOLD DIGIT THREE
            [0x1D7F0] = '4', // MATHEMATICAL SANS-SERIF BOLD DIGIT FOUR
            [0x1D7F1] = '5', // MATHEMATICAL SANS-SERIF BOLD DIGIT FIVE
            [0x1D7F2] = '6', // MATHEMATICAL SANS-SERIF BOLD DIGIT SIX
            [0x1D7F3] = '7', // MATHEMATICAL SANS-SERIF BOLD DIGIT SEVEN
            [0x1D7F4] = '8', // MATHEMATICAL SANS-SERIF BOLD DIGIT EIGHT
            [0x1D7F5] = '9', // MATHEMATICAL SANS-SERIF BOLD DIGIT NINE
            [0x1D7F6] = '0', // MATHEMATICAL MONOSPACE DIGIT ZERO
            [0x1D7F7] = '1', // MATHEMATICAL MONOSPACE DIGIT ONE
            [0x1D7F8] = '2', // MATHEMATICAL MONOSPACE DIGIT TWO
            [0x1D7F9] = '3', // MATHEMATICAL MONOSPACE DIGIT THREE
            [0x1D7FA] = '4', // MATHEMATICAL MONOSPACE DIGIT FOUR
            [0x1D7FB] = '5', // MATHEMATICAL MONOSPACE DIGIT FIVE
            [0x1D7FC] = '6', // MATHEMATICAL MONOSPACE DIGIT SIX
            [0x1D7FD] = '7', // MATHEMATICAL MONOSPACE DIGIT SEVEN
            [0x1D7FE] = '8', // MATHEMATICAL MONOSPACE DIGIT EIGHT
            [0x1D7FF] = '9', // MATHEMATICAL MONOSPACE DIGIT NINE
    };

    /// <summary>Maps each code point through the table (astral ones included) and drops <paramref name="deleteChars"/>.</summary>
    public static string Clean(string number, string deleteChars)
    {
        var builder = new System.Text.StringBuilder(number.Length);
        foreach (System.Text.Rune rune in number.EnumerateRunes())
        {
            if (CharMap.TryGetValue(rune.Value, out char mapped))
            {
                if (deleteChars.Contains(mapped, StringComparison.Ordinal))
                {
                    continue;
                }

                builder.Append(mapped);
            }
            else if (!(rune.IsBmp && deleteChars.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>Python 3 <c>str.isspace()</c> (Unicode White_Space plus the four ASCII separators 0x1C–0x1F).</summary>
    public static bool IsPythonSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or '\u001C' or '\u001D' or '\u001E' or '\u001F' or ' ' or '\u0085'
            or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };

    /// <summary>Python's <c>str.strip()</c> without arguments.</summary>
    public static string PythonStrip(string text)
    {
        int start = 0;
        int end = text.Length;
        while (start < end && IsPythonSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsPythonSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>stdnum's <c>isdigits</c>: non-empty and ASCII 0–9 only.</summary>
    public static bool IsAsciiDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    /// <summary>stdnum's <c>luhn.checksum(number) == 0</c> for an ASCII-digit string.</summary>
    public static bool LuhnValid(string digits)
    {
        int sum = 0;
        bool doubleIt = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
