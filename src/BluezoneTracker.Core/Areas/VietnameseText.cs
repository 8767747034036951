using System.Globalization;
using System.Text;

namespace BluezoneTracker.Core.Areas;

/// <summary>Text rules for Vietnamese names: NFC composition, kind prefixes, folding for matching.</summary>
public static class VietnameseText
{
    // Longest first, so "Thành phố" wins over a shorter prefix. Matching is on folded text.
    private static readonly string[] KindPrefixes =
    [
        "thanh pho", "thi xa", "thi tran", "huyen", "quan", "phuong", "xa", "tinh", "tp.", "tp", "tx.", "tx", "h.", "q.", "p.",
    ];

    /// <summary>Trims, collapses white space and composes to NFC (Windows tools often send NFD).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var composed = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var ch in composed)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Lower case without diacritics ("Huyện Mộc Châu" → "huyen moc chau"); đ becomes d.
    /// Used only to match names, never to display them.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = Normalize(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>"Huyện Mộc Châu" → "Mộc Châu"; "TP. Sơn La" → "Sơn La". A bare name is returned as is.</summary>
    public static string StripKindPrefix(string name)
    {
        var normalized = Normalize(name);
        var folded = Fold(normalized);
        foreach (var prefix in KindPrefixes)
        {
            if (folded.Length > prefix.Length
                && folded.StartsWith(prefix, StringComparison.Ordinal)
                && (prefix.EndsWith('.') || folded[prefix.Length] == ' '))
            {
                // Folding keeps one character per letter (NFC), so the offsets line up.
                return normalized[prefix.Length..].TrimStart(' ', '.');
            }
        }

        return normalized;
    }
}
