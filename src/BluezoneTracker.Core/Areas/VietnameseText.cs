using System.Globalization;
using System.Text;

namespace BluezoneTracker.Core.Areas;

/// <summary>Text rules for Vietnamese names: NFC composition, kind prefixes, folding for matching.</summary>
public static class VietnameseText
{
    // Longest first, so "Thành phố" wins over a shorter prefix. Matched with their diacritics, so
    // that real names such as "Quan Hóa", "Quản Bạ" or "Tĩnh Gia" are not taken for "Quận …" or "Tỉnh …".
    private static readonly string[] KindPrefixes =
    [
        "thành phố", "thị xã", "thị trấn", "huyện", "quận", "phường", "xã", "tỉnh", "tp.", "tp", "tx.", "tx", "h.", "q.", "p.",
    ];

    private static readonly string[] FoldedKindPrefixes = [.. KindPrefixes.Select(Fold)];

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
        var lower = normalized.ToLowerInvariant();
        var folded = Fold(normalized);

        // A name typed without any diacritics ("Huyen Moc Chau") has its prefix typed without them too.
        var typedWithoutDiacritics = string.Equals(lower, folded, StringComparison.Ordinal);
        var (text, prefixes) = typedWithoutDiacritics ? (folded, FoldedKindPrefixes) : (lower, KindPrefixes);
        foreach (var prefix in prefixes)
        {
            if (text.Length > prefix.Length
                && text.StartsWith(prefix, StringComparison.Ordinal)
                && (prefix.EndsWith('.') || text[prefix.Length] == ' '))
            {
                // Lower-casing and folding keep one character per letter (NFC), so the offsets line up.
                return normalized[prefix.Length..].TrimStart(' ', '.');
            }
        }

        return normalized;
    }
}
