using System.Text;
using BluezoneTracker.Core.Import;

namespace BluezoneTracker.Core.Tests.Import;

/// <summary>TCVN3 and VNI-Windows text, as Excel and Notepad keep it, converted to Unicode.</summary>
public sealed class LegacyEncodings
{
    // Every Vietnamese vowel with every tone, and đ (the letters a conversion must get right).
    private const string Letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";

    [Theory]
    [InlineData("HuyÖn Méc Ch©u", "Huyện Mộc Châu")]
    [InlineData("Thµnh phè S¬n La", "Thành phố Sơn La")]
    [InlineData("HuyÖn M\u00ADêng La", "Huyện Mường La")]
    [InlineData("Sè thuª bao ch\u00ADa x¸c ®Þnh ®\u00ADîc huyÖn", "Số thuê bao chưa xác định được huyện")]
    [InlineData("TÝnh ®Õn ngµy 18/8/2020", "Tính đến ngày 18/8/2020")]
    [InlineData("HuyÖn Quúnh Nhai", "Huyện Quỳnh Nhai")]
    public void Tcvn3_text_from_the_shared_case_file_reads_as_unicode(string legacy, string unicode)
    {
        Assert.Equal(LegacyEncoding.Tcvn3, LegacyVietnamese.Detect([legacy]));
        Assert.Equal(unicode, LegacyVietnamese.Convert(legacy, LegacyEncoding.Tcvn3));
    }

    [Theory]
    [InlineData("Huyeän Moäc Chaâu", "Huyện Mộc Châu")]
    [InlineData("Thaønh phoá Sôn La", "Thành phố Sơn La")]
    [InlineData("Huyeän Möôøng La", "Huyện Mường La")]
    [InlineData("Soá thueâ bao chöa xaùc ñònh ñöôïc huyeän", "Số thuê bao chưa xác định được huyện")]
    [InlineData("HUYEÄN BAÉC YEÂN", "HUYỆN BẮC YÊN")]
    public void Vni_text_reads_as_unicode(string legacy, string unicode)
    {
        Assert.Equal(LegacyEncoding.Vni, LegacyVietnamese.Detect([legacy]));
        Assert.Equal(unicode, LegacyVietnamese.Convert(legacy, LegacyEncoding.Vni));
    }

    [Fact]
    public void Every_vietnamese_letter_survives_tcvn3_both_ways()
    {
        // TCVN3 (VN3) has the lower-case letters; capitals come from the .VnTimeH fonts, which show the same bytes.
        var encoded = Encode(Letters, LegacyEncoding.Tcvn3);
        Assert.Equal(Letters.Length, encoded.Length);
        Assert.Equal(Letters, LegacyVietnamese.Convert(encoded, LegacyEncoding.Tcvn3));
        Assert.Equal("ĂÂÊÔƠƯĐ", LegacyVietnamese.Convert("\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7 \u00B8", LegacyEncoding.Tcvn3)[..7]);
    }

    [Fact]
    public void Every_vietnamese_letter_survives_vni_both_ways_in_both_cases()
    {
        foreach (var letters in new[] { Letters, Letters.ToUpperInvariant() })
        {
            var encoded = Encode(letters, LegacyEncoding.Vni);
            Assert.Equal(letters, LegacyVietnamese.Convert(encoded + "ö", LegacyEncoding.Vni)[..^1]);
        }
    }

    [Theory]
    [InlineData("Thành phố Sơn La")]
    [InlineData("Mã")]
    [InlineData("Mộc Châu")]
    [InlineData("Số đăng ký")]
    [InlineData("Huyen Moc Chau")]
    public void Unicode_text_is_never_taken_for_a_legacy_encoding(string text)
    {
        Assert.Null(LegacyVietnamese.Detect([text]));
        Assert.Equal(text, LegacyVietnamese.Convert(text, LegacyEncoding.Tcvn3));
        Assert.Equal(text, LegacyVietnamese.Convert(text, LegacyEncoding.Vni));
    }

    /// <summary>The inverse tables, written independently of the converter: TCVN3 by its code chart, VNI by its mark bytes.</summary>
    private static string Encode(string text, LegacyEncoding encoding)
    {
        const string tcvn3Letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        int[] tcvn3Bytes =
        [
            'a', 0xB5, 0xB8, 0xB6, 0xB7, 0xB9, 0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6, 0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB,
            'e', 0xCC, 0xD0, 0xCE, 0xCF, 0xD1, 0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6,
            'i', 0xD7, 0xDD, 0xD8, 0xDC, 0xDE,
            'o', 0xDF, 0xE3, 0xE1, 0xE2, 0xE4, 0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9, 0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE,
            'u', 0xEF, 0xF3, 0xF1, 0xF2, 0xF4, 0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9,
            'y', 0xFA, 0xFD, 0xFB, 0xFC, 0xFE, 0xAE,
        ];
        var builder = new StringBuilder();
        foreach (var ch in text)
        {
            if (encoding == LegacyEncoding.Tcvn3)
            {
                builder.Append((char)tcvn3Bytes[tcvn3Letters.IndexOf(ch, StringComparison.Ordinal)]);
                continue;
            }

            var upper = char.IsUpper(ch);
            var lower = char.ToLowerInvariant(ch);
            var d = lower.ToString().Normalize(NormalizationForm.FormD);
            var (baseLetter, marks) = (d[0], d[1..]);
            string vni = (baseLetter, marks) switch
            {
                ('d', _) or ('đ', _) => "ñ",
                ('i', "") => "i",
                ('i', "\u0300") => "ì",
                ('i', "\u0301") => "í",
                ('i', "\u0309") => "æ",
                ('i', "\u0303") => "ó",
                ('i', "\u0323") => "ò",
                ('y', "\u0323") => "î",
                _ => VniOf(baseLetter, marks),
            };
            builder.Append(upper ? vni.ToUpperInvariant() : vni);
        }

        return builder.ToString();
    }

    private static string VniOf(char baseLetter, string marks)
    {
        var (horned, rest) = marks.StartsWith('\u031B') ? (true, marks[1..]) : (false, marks);
        var first = horned ? (baseLetter == 'o' ? "ô" : "ö") : baseLetter.ToString();
        return rest switch
        {
            "" => first,
            "\u0301" => first + "ù",
            "\u0300" => first + "ø",
            "\u0309" => first + "û",
            "\u0303" => first + "õ",
            "\u0323" => first + "ï",
            "\u0302" => first + "â",
            "\u0302\u0301" => first + "á",
            "\u0302\u0300" => first + "à",
            "\u0302\u0309" => first + "å",
            "\u0302\u0303" => first + "ã",
            "\u0302\u0323" => first + "ä",
            "\u0323\u0302" => first + "ä",
            "\u0306" => first + "ê",
            "\u0306\u0301" => first + "é",
            "\u0306\u0300" => first + "è",
            "\u0306\u0309" => first + "ú",
            "\u0306\u0303" => first + "ü",
            "\u0306\u0323" => first + "ë",
            "\u0323\u0306" => first + "ë",
            _ => throw new InvalidOperationException($"no VNI for {baseLetter}+{marks}"),
        };
    }
}
