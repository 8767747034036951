using System.Collections.Frozen;
using System.Text;

namespace BluezoneTracker.Core.Import;

/// <summary>The 8-bit Vietnamese encodings of the 1990s still found in provincial offices' files.</summary>
public enum LegacyEncoding
{
    /// <summary>TCVN 5712:1993 VN3, the "ABC" encoding of the <c>.VnTime</c> fonts: one byte per letter.</summary>
    Tcvn3,

    /// <summary>VNI-Windows (the <c>VNI-Times</c> fonts): a base letter followed by a byte for its marks.</summary>
    Vni,
}

/// <summary>
/// Recognises text typed in TCVN3 or VNI-Windows and converts it to Unicode (NFC). Such text reaches
/// us as the characters of its bytes read as Latin-1: in a spreadsheet cell Excel stores what the
/// legacy font showed as Windows-1252 characters ("HuyÖn" for "Huyện"), and a CSV that is not UTF-8
/// is read byte for byte.
/// <para>
/// A cell is converted only when it contains a character that Vietnamese Unicode text never uses
/// (a "marker", e.g. "Ö" or "©") and no character above U+00FF; so "Mã" typed in Unicode is never
/// taken for TCVN3. Sources: the TCVN 5712:1993 VN3 code table and the VNI-Windows font table, as used by
/// the Unikey and VietUnicode converters.
/// </para>
/// </summary>
public static class LegacyVietnamese
{
    // The Latin-1 letters that Vietnamese Unicode text itself uses: never a sign of a legacy encoding.
    private const string UnicodeVietnameseLatin1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";

    /// <summary>TCVN3 byte → Unicode letter (bytes not listed are the same in both).</summary>
    private static readonly FrozenDictionary<char, char> Tcvn3 = new Dictionary<char, char>
    {
        ['\u00A1'] = 'Ă', ['\u00A2'] = 'Â', ['\u00A3'] = 'Ê', ['\u00A4'] = 'Ô', ['\u00A5'] = 'Ơ', ['\u00A6'] = 'Ư', ['\u00A7'] = 'Đ',
        ['\u00A8'] = 'ă', ['\u00A9'] = 'â', ['\u00AA'] = 'ê', ['\u00AB'] = 'ô', ['\u00AC'] = 'ơ', ['\u00AD'] = 'ư', ['\u00AE'] = 'đ',
        ['\u00B5'] = 'à', ['\u00B6'] = 'ả', ['\u00B7'] = 'ã', ['\u00B8'] = 'á', ['\u00B9'] = 'ạ',
        ['\u00BB'] = 'ằ', ['\u00BC'] = 'ẳ', ['\u00BD'] = 'ẵ', ['\u00BE'] = 'ắ', ['\u00C6'] = 'ặ',
        ['\u00C7'] = 'ầ', ['\u00C8'] = 'ẩ', ['\u00C9'] = 'ẫ', ['\u00CA'] = 'ấ', ['\u00CB'] = 'ậ',
        ['\u00CC'] = 'è', ['\u00CE'] = 'ẻ', ['\u00CF'] = 'ẽ', ['\u00D0'] = 'é', ['\u00D1'] = 'ẹ',
        ['\u00D2'] = 'ề', ['\u00D3'] = 'ể', ['\u00D4'] = 'ễ', ['\u00D5'] = 'ế', ['\u00D6'] = 'ệ',
        ['\u00D7'] = 'ì', ['\u00D8'] = 'ỉ', ['\u00DC'] = 'ĩ', ['\u00DD'] = 'í', ['\u00DE'] = 'ị',
        ['\u00DF'] = 'ò', ['\u00E1'] = 'ỏ', ['\u00E2'] = 'õ', ['\u00E3'] = 'ó', ['\u00E4'] = 'ọ',
        ['\u00E5'] = 'ồ', ['\u00E6'] = 'ổ', ['\u00E7'] = 'ỗ', ['\u00E8'] = 'ố', ['\u00E9'] = 'ộ',
        ['\u00EA'] = 'ờ', ['\u00EB'] = 'ở', ['\u00EC'] = 'ỡ', ['\u00ED'] = 'ớ', ['\u00EE'] = 'ợ',
        ['\u00EF'] = 'ù', ['\u00F1'] = 'ủ', ['\u00F2'] = 'ũ', ['\u00F3'] = 'ú', ['\u00F4'] = 'ụ',
        ['\u00F5'] = 'ừ', ['\u00F6'] = 'ử', ['\u00F7'] = 'ữ', ['\u00F8'] = 'ứ', ['\u00F9'] = 'ự',
        ['\u00FA'] = 'ỳ', ['\u00FB'] = 'ỷ', ['\u00FC'] = 'ỹ', ['\u00FD'] = 'ý', ['\u00FE'] = 'ỵ',
    }.ToFrozenDictionary();

    // VNI-Windows: the byte after a vowel that carries its marks (lower-case bytes; upper-case text uses
    // the upper-case byte of the same letter). Marks as Unicode combining characters.
    private const char Acute = '\u0301', Grave = '\u0300', Hook = '\u0309', Tilde = '\u0303', Dot = '\u0323', Circumflex = '\u0302', Breve = '\u0306', Horn = '\u031B';

    private static readonly (char Byte, string Marks)[] VniToneMarks = [('ù', $"{Acute}"), ('ø', $"{Grave}"), ('û', $"{Hook}"), ('õ', $"{Tilde}"), ('ï', $"{Dot}")];

    private static readonly (char Byte, string Marks)[] VniCircumflexMarks =
        [('â', $"{Circumflex}"), ('á', $"{Circumflex}{Acute}"), ('à', $"{Circumflex}{Grave}"), ('å', $"{Circumflex}{Hook}"), ('ã', $"{Circumflex}{Tilde}"), ('ä', $"{Circumflex}{Dot}")];

    private static readonly (char Byte, string Marks)[] VniBreveMarks =
        [('ê', $"{Breve}"), ('é', $"{Breve}{Acute}"), ('è', $"{Breve}{Grave}"), ('ú', $"{Breve}{Hook}"), ('ü', $"{Breve}{Tilde}"), ('ë', $"{Breve}{Dot}")];

    /// <summary>VNI letters written with one byte: ơ, ư, đ, the i with its tones, and ỵ.</summary>
    private static readonly (char Byte, char Letter)[] VniSingle =
        [('ô', 'ơ'), ('ö', 'ư'), ('ñ', 'đ'), ('í', 'í'), ('ì', 'ì'), ('æ', 'ỉ'), ('ó', 'ĩ'), ('ò', 'ị'), ('î', 'ỵ')];

    private static readonly FrozenDictionary<string, string> Vni = BuildVni();

    private static readonly FrozenSet<char> Tcvn3Markers = Tcvn3.Keys.Where(c => !UnicodeVietnameseLatin1.Contains(c)).ToFrozenSet();

    private static readonly FrozenSet<char> VniMarkers = Vni.Keys.SelectMany(k => k).Where(c => c > '\u007F' && !UnicodeVietnameseLatin1.Contains(c)).ToFrozenSet();

    /// <summary>The encoding a set of texts was typed in, or null when it reads as Unicode already.</summary>
    /// <remarks>
    /// Each text that may be legacy text votes: TCVN3 puts its most common letters (â ê ô ơ ư đ à á …) at
    /// A1–BE, where VNI has none; otherwise a text that only one of the two encodings can spell out
    /// (VNI's mark bytes must follow a vowel: "Huyeän"; TCVN3 has no letter at C0–C5, CD, D9–DB, E0, F0)
    /// votes for that one, and a text both can spell votes VNI only when it has a vowel-and-mark pair.
    /// </remarks>
    public static LegacyEncoding? Detect(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int tcvn3 = 0, vni = 0;
        foreach (var text in texts)
        {
            if (!MayBeLegacy(text) || !(text.Any(Tcvn3Markers.Contains) || text.Any(VniMarkers.Contains)))
            {
                continue;
            }

            if (text.Any(c => c is >= '\u00A1' and <= '\u00BE' && Tcvn3Markers.Contains(c)))
            {
                tcvn3 += 2;
                continue;
            }

            var (vniSpells, vniPairs) = SpellsVni(text);
            var tcvn3Spells = text.All(c => c <= '\u007F' || c == '\u00A0' || Tcvn3.ContainsKey(c));
            if (tcvn3Spells && (!vniSpells || vniPairs == 0))
            {
                tcvn3++;
            }
            else if (vniSpells)
            {
                vni++;
            }
        }

        return tcvn3 == 0 && vni == 0 ? null : tcvn3 >= vni ? LegacyEncoding.Tcvn3 : LegacyEncoding.Vni;
    }

    /// <summary>Whether every non-ASCII character is part of a VNI letter, and how many two-byte letters there are.</summary>
    private static (bool Spells, int Pairs) SpellsVni(string text)
    {
        var pairs = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && text[i + 1] > '\u007F' && Vni.ContainsKey(text.Substring(i, 2)))
            {
                pairs++;
                i++;
            }
            else if (text[i] > '\u007F' && text[i] != '\u00A0' && !Vni.ContainsKey(text.Substring(i, 1)))
            {
                return (false, pairs);
            }
        }

        return (true, pairs);
    }

    /// <summary>The text in Unicode (NFC) when it is legacy text of that encoding; otherwise the text unchanged.</summary>
    public static string Convert(string text, LegacyEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        var markers = encoding == LegacyEncoding.Tcvn3 ? Tcvn3Markers : VniMarkers;
        if (!MayBeLegacy(text) || !text.Any(markers.Contains))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        if (encoding == LegacyEncoding.Tcvn3)
        {
            foreach (var c in text)
            {
                builder.Append(Tcvn3.TryGetValue(c, out var letter) ? letter : c);
            }

            return builder.ToString();
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && Vni.TryGetValue(text.Substring(i, 2), out var pair))
            {
                builder.Append(pair);
                i++;
            }
            else
            {
                builder.Append(Vni.TryGetValue(text.Substring(i, 1), out var single) ? single : text[i]);
            }
        }

        return builder.ToString();
    }

    private static readonly FrozenSet<char> VietnameseLetters = BuildLetters();

    /// <summary>
    /// Whether text decoded from a code page reads as Vietnamese: every non-ASCII letter is a Vietnamese
    /// letter and no combining mark is left over once composed. TCVN3 or VNI bytes read as Windows-1258
    /// give letters Vietnamese does not have ("Ö", "µ", "ä"), so this tells the two apart.
    /// </summary>
    public static bool ReadsAsVietnamese(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c <= '\u007F')
            {
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category == System.Globalization.UnicodeCategory.NonSpacingMark || (char.IsLetter(c) && !VietnameseLetters.Contains(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static FrozenSet<char> BuildLetters()
    {
        var letters = new HashSet<char> { 'đ', 'Đ' };
        string[] tones = [string.Empty, $"{Grave}", $"{Acute}", $"{Hook}", $"{Tilde}", $"{Dot}"];
        foreach (var vowel in new[] { "a", "a" + Breve, "a" + Circumflex, "e", "e" + Circumflex, "i", "o", "o" + Circumflex, "o" + Horn, "u", "u" + Horn, "y" })
        {
            foreach (var tone in tones)
            {
                var letter = (vowel + tone).Normalize(NormalizationForm.FormC);
                if (letter.Length == 1)
                {
                    letters.Add(letter[0]);
                    letters.Add(char.ToUpperInvariant(letter[0]));
                }
            }
        }

        return letters.ToFrozenSet();
    }

    /// <summary>The name of an encoding as Vietnamese staff know it.</summary>
    public static string Name(LegacyEncoding encoding) => encoding == LegacyEncoding.Tcvn3 ? "TCVN3" : "VNI";

    /// <summary>Only text made of one-byte characters (no Unicode Vietnamese letter) can be legacy text.</summary>
    private static bool MayBeLegacy(string text)
    {
        var high = false;
        foreach (var c in text)
        {
            if (c > '\u00FF')
            {
                return false;
            }

            high |= c > '\u007F';
        }

        return high;
    }

    private static FrozenDictionary<string, string> BuildVni()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(char baseLetter, char markByte, string marks)
        {
            foreach (var upper in new[] { false, true })
            {
                var b = upper ? char.ToUpperInvariant(baseLetter) : baseLetter;
                var m = upper ? char.ToUpperInvariant(markByte) : markByte;
                var letter = (Base(b) + marks).Normalize(NormalizationForm.FormC);
                map[$"{b}{m}"] = letter;

                // Upper-case letter, lower-case mark byte: a capital at the start of a word in mixed text.
                map.TryAdd($"{b}{markByte}", letter);
            }
        }

        foreach (var vowel in "aeiouy")
        {
            foreach (var (markByte, marks) in VniToneMarks)
            {
                Add(vowel, markByte, marks);
            }
        }

        foreach (var vowel in "aeo")
        {
            foreach (var (markByte, marks) in VniCircumflexMarks)
            {
                Add(vowel, markByte, marks);
            }
        }

        foreach (var (markByte, marks) in VniBreveMarks)
        {
            Add('a', markByte, marks);
        }

        foreach (var (horned, _) in VniSingle.Where(s => s.Letter is 'ơ' or 'ư'))
        {
            foreach (var (markByte, marks) in VniToneMarks)
            {
                Add(horned, markByte, marks);
            }
        }

        foreach (var (single, letter) in VniSingle)
        {
            map[single.ToString()] = letter.ToString();
            map[char.ToUpperInvariant(single).ToString()] = char.ToUpperInvariant(letter).ToString();
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);

        // The base of a two-byte VNI letter: a plain vowel, or ô/ö standing for ơ/ư.
        static string Base(char b) => b switch
        {
            'ô' => "o" + Horn,
            'Ô' => "O" + Horn,
            'ö' => "u" + Horn,
            'Ö' => "U" + Horn,
            _ => b.ToString(),
        };
    }
}
