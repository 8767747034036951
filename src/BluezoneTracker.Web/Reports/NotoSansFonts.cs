using PdfSharp.Fonts;

namespace BluezoneTracker.Web.Reports;

/// <summary>
/// Gives PDFsharp the Noto Sans faces embedded in this assembly, whatever font family is asked for:
/// Noto covers every Vietnamese letter as one precomposed glyph (ố, ự, ẫ), so no mark is dropped,
/// and the PDF does not depend on the fonts of the server. Italic is simulated (no italic face shipped).
/// </summary>
internal sealed class NotoSansFonts : IFontResolver
{
    public const string Family = "Noto Sans";
    private const string Regular = "NotoSans-Regular";
    private const string Bold = "NotoSans-Bold";
    private static readonly Lock Gate = new();

    /// <summary>PDFsharp takes one resolver per process, set before any font is used.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not NotoSansFonts)
            {
                GlobalFontSettings.FontResolver = new NotoSansFonts();
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName)
    {
        var name = faceName is Bold ? Bold : Regular;
        using var stream = typeof(NotoSansFonts).Assembly.GetManifestResourceStream($"BluezoneTracker.Web.Reports.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name}.ttf is not embedded in the assembly.");
        using var bytes = new MemoryStream((int)stream.Length);
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
