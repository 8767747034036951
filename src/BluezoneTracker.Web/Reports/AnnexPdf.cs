using System.Globalization;
using System.Text;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Reports;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BluezoneTracker.Web.Reports;

/// <summary>What a PDF annex contains beyond the annex itself.</summary>
/// <param name="GeneratedAt">Local (Vietnam) time printed in the footer and stored as the creation date.</param>
/// <param name="IncludeSummary">Print the dispatch's summary sentence as a paragraph above the table.</param>
/// <param name="SignOff">Whether the date is signed off: a draft carries "BẢN NHÁP" on every page, a signed annex who signed it and when.</param>
/// <param name="Notes">The population note and data-quality warnings printed under the table (none when null).</param>
internal sealed record AnnexPdfOptions(DateTime GeneratedAt, bool IncludeSummary = false, SignOffStatus? SignOff = null, AnnexNotes? Notes = null);

/// <summary>
/// The annex as a PDF a state agency signs: agency block and national motto, the title lines, the
/// table (borders, right-aligned numbers, the header repeated on every page), the population note,
/// the data-quality warnings and the sign-off line beside the signer block, and a footer "Trang x/y"
/// with the generation time. A4 landscape, Noto Sans embedded.
/// </summary>
/// <remarks>
/// Page breaks: the last <see cref="KeptTogether"/> lines (the last area, the unassigned row and the
/// total) stay on one page with the closing block, so no page ever holds the header and "TOÀN TỈNH"
/// alone, nor a signature without figures. A 12–20-row annex, with the summary sentence, fits one page.
/// </remarks>
internal static class AnnexPdf
{
    public const string ContentType = "application/pdf";

    private const double PageWidth = 842; // A4 landscape, points
    private const double PageHeight = 595;
    private const double MarginLeft = 57;
    private const double MarginRight = 42;
    private const double MarginTop = 34;
    private const double FooterTop = PageHeight - 32;
    private const double TableBottom = FooterTop - 8;
    private const double Padding = 2.5;
    private const double ContentWidth = PageWidth - MarginLeft - MarginRight;
    private const double ClosingGap = 8;
    private const double SignerWidth = 300;
    private const double SignatureSpace = 42;
    private const double NotesWidth = ContentWidth - SignerWidth - 20;

    /// <summary>How many lines at the end of the table are never split from each other and from the closing block.</summary>
    public const int KeptTogether = 3;

    public static byte[] Write(AnnexDocument document, ReportSettings settings, AnnexPdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        NotoSansFonts.Register();

        using var pdf = new PdfDocument();
        pdf.Info.Title = Nfc($"{document.Title} – {document.AsOfLine}");
        pdf.Info.Subject = Nfc(document.AttachmentLine);
        pdf.Info.Author = Nfc(settings.AgencyName);
        pdf.Info.Creator = "BluezoneTracker";
        pdf.Info.Keywords = "Bluezone, phụ lục";
        pdf.Info.CreationDate = options.GeneratedAt;

        var frame = AnnexFrame.From(document, settings, options.SignOff, options.Notes);
        var writer = new PageWriter(pdf);
        var y = AgencyBlock(writer.Graphics, frame);
        y = Centered(writer.Graphics, document.Title, Fonts.Title, y + 10);
        y = Centered(writer.Graphics, document.AsOfLine, Fonts.Bold, y);
        y = Centered(writer.Graphics, document.AttachmentLine, Fonts.Italic, y);
        if (options.IncludeSummary)
        {
            y = Paragraph(writer.Graphics, document.Summary, Fonts.Regular, y + 6);
        }

        var closing = Closing.Measure(writer.Graphics, frame);
        y = Table(writer, document, closing.Height + ClosingGap, y + 8);
        closing.Draw(writer, frame, y + ClosingGap);
        writer.Finish();
        Footers(pdf, options.GeneratedAt, frame.IsDraft, frame.Notes.SyntheticNotice is null ? null : AnnexExcel.SyntheticHeader);

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Agency on the left, the national motto and place-date on the right, as on official documents.</summary>
    private static double AgencyBlock(XGraphics g, AnnexFrame frame)
    {
        const double leftWidth = 330;
        const double rightWidth = 380;
        var leftCenter = MarginLeft + (leftWidth / 2);
        var rightCenter = PageWidth - MarginRight - (rightWidth / 2);

        var y = MarginTop;
        foreach (var text in Wrap(g, frame.Agency, Fonts.Bold, leftWidth))
        {
            y = Line(g, text, Fonts.Bold, leftCenter, y, XStringFormats.TopCenter);
        }

        Rule(g, leftCenter, y + 2, 90);
        var leftBottom = Line(g, frame.NumberLine, Fonts.Regular, leftCenter, y + 6, XStringFormats.TopCenter);

        var r = Line(g, AnnexFrame.NationText, Fonts.Bold, rightCenter, MarginTop, XStringFormats.TopCenter);
        r = Line(g, AnnexFrame.MottoText, Fonts.Bold, rightCenter, r, XStringFormats.TopCenter);
        Rule(g, rightCenter, r + 2, g.MeasureString(AnnexFrame.MottoText, Fonts.Bold).Width);
        var rightBottom = Line(g, frame.PlaceDateLine, Fonts.Italic, rightCenter, r + 6, XStringFormats.TopCenter);
        return Math.Max(leftBottom, rightBottom);
    }

    /// <param name="closingHeight">Room the closing block needs below the last line (kept on the same page).</param>
    private static double Table(PageWriter writer, AnnexDocument document, double closingHeight, double y)
    {
        var columns = document.Columns;
        var rows = document.Lines.Select(line =>
        {
            var font = line.Kind == Core.Reports.AnnexLineKind.Total ? Fonts.Bold : Fonts.Regular;
            var cells = columns.Select(c => Wrap(writer.Graphics, c.Text(line), font, c.WidthPoints - (2 * Padding))).ToList();
            return (Cells: cells, Font: font, Height: RowHeight(cells, font));
        }).ToList();
        var tailStart = Math.Max(0, rows.Count - KeptTogether);
        var tailHeight = rows.Skip(tailStart).Sum(r => r.Height) + closingHeight;

        y = HeaderRow(writer.Graphics, columns, y);
        for (var i = 0; i < rows.Count; i++)
        {
            // The tail (last area, unassigned, total) moves as one with the closing block; other rows break where they must.
            var needed = i == tailStart ? tailHeight : rows[i].Height;
            if (i <= tailStart && y + needed > TableBottom)
            {
                writer.NewPage();
                y = HeaderRow(writer.Graphics, columns, MarginTop);
            }

            DrawRow(writer.Graphics, columns, rows[i].Cells, rows[i].Font, y, rows[i].Height, header: false);
            y += rows[i].Height;
        }

        return y;
    }

    private static double HeaderRow(XGraphics g, IReadOnlyList<AnnexColumn> columns, double y)
    {
        var cells = columns.Select(c => Wrap(g, c.Header, Fonts.Bold, c.WidthPoints - (2 * Padding))).ToList();
        var height = RowHeight(cells, Fonts.Bold);
        g.DrawRectangle(XBrushes.WhiteSmoke, MarginLeft, y, ContentWidth, height);
        DrawRow(g, columns, cells, Fonts.Bold, y, height, header: true);
        return y + height;
    }

    private static double RowHeight(List<List<string>> cells, XFont font) =>
        (cells.Max(c => c.Count) * font.GetHeight()) + (2 * Padding);

    private static void DrawRow(XGraphics g, IReadOnlyList<AnnexColumn> columns, List<List<string>> cells, XFont font, double y, double height, bool header)
    {
        var x = MarginLeft;
        for (var i = 0; i < cells.Count; i++)
        {
            var width = columns[i].WidthPoints;
            g.DrawRectangle(Pens.Grid, x, y, width, height);
            var lines = cells[i];
            var top = y + ((height - (lines.Count * font.GetHeight())) / 2);
            foreach (var text in lines)
            {
                var (anchor, format) = header || columns[i].Alignment == AnnexAlignment.Center ? (x + (width / 2), XStringFormats.TopCenter)
                    : columns[i].Alignment == AnnexAlignment.Left ? (x + Padding, XStringFormats.TopLeft)
                    : (x + width - Padding, XStringFormats.TopRight);
                top = Line(g, text, font, anchor, top, format);
            }

            x += width;
        }
    }

    /// <summary>
    /// What follows the table: the notes and the sign-off line on the left, the signer block on the right
    /// (title, room for the signature and seal, name), side by side so the table keeps the page.
    /// </summary>
    private sealed record Closing(IReadOnlyList<(string Text, XFont Font)> Left, double Height)
    {
        public static Closing Measure(XGraphics g, AnnexFrame frame)
        {
            var left = new List<(string, XFont)>();
            foreach (var note in frame.NoteLines())
            {
                var font = note == AnnexFrame.WarningsHeading ? Fonts.SmallBold : Fonts.Small;
                left.AddRange(Wrap(g, note, font, NotesWidth).Select(t => (t, font)));
            }

            if (frame.StatusLine is { } status)
            {
                left.AddRange(Wrap(g, status, Fonts.Italic, NotesWidth).Select(t => (t, Fonts.Italic)));
            }

            var leftHeight = left.Sum(l => l.Item2.GetHeight());
            var signerHeight = (2 * Fonts.Bold.GetHeight()) + SignatureSpace;
            return new Closing(left, Math.Max(leftHeight, signerHeight));
        }

        public void Draw(PageWriter writer, AnnexFrame frame, double y)
        {
            if (y + Height > TableBottom)
            {
                // Only when the closing block alone is taller than what the tail left (an unusually long list of warnings).
                writer.NewPage();
                y = MarginTop;
            }

            var g = writer.Graphics;
            var left = y;
            foreach (var (text, font) in Left)
            {
                left = Line(g, text, font, MarginLeft, left, XStringFormats.TopLeft);
            }

            var center = PageWidth - MarginRight - (SignerWidth / 2);
            var after = Line(g, frame.SignerTitle, Fonts.Bold, center, y, XStringFormats.TopCenter);
            if (!string.IsNullOrWhiteSpace(frame.SignerName))
            {
                Line(g, frame.SignerName, Fonts.Bold, center, after + SignatureSpace, XStringFormats.TopCenter);
            }
        }
    }

    /// <param name="synthetic">Printed on every page of an annex with made-up figures (between the two footer lines).</param>
    private static void Footers(PdfDocument pdf, DateTime generatedAt, bool isDraft, string? synthetic)
    {
        var made = $"Tạo bởi BluezoneTracker lúc {VietnameseFormat.Moment(generatedAt)}";
        for (var i = 0; i < pdf.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            if (isDraft)
            {
                g.DrawString(Nfc(SignOffStatus.DraftMark), Fonts.Title, XBrushes.DarkRed, new XPoint(PageWidth / 2, 12), XStringFormats.TopCenter);
            }

            if (synthetic is not null)
            {
                g.DrawString(Nfc(synthetic), Fonts.SmallBold, XBrushes.DarkRed, new XPoint(PageWidth / 2, FooterTop), XStringFormats.TopCenter);
            }

            Line(g, made, Fonts.Small, MarginLeft, FooterTop, XStringFormats.TopLeft);
            var page = string.Create(CultureInfo.InvariantCulture, $"Trang {i + 1}/{pdf.PageCount}");
            Line(g, page, Fonts.Small, PageWidth - MarginRight, FooterTop, XStringFormats.TopRight);
        }
    }

    private static double Centered(XGraphics g, string text, XFont font, double y)
    {
        foreach (var line in Wrap(g, text, font, ContentWidth))
        {
            y = Line(g, line, font, PageWidth / 2, y, XStringFormats.TopCenter);
        }

        return y;
    }

    private static double Paragraph(XGraphics g, string text, XFont font, double y)
    {
        foreach (var line in Wrap(g, text, font, ContentWidth))
        {
            y = Line(g, line, font, MarginLeft, y, XStringFormats.TopLeft);
        }

        return y;
    }

    /// <summary>Draws one line of text anchored at x and returns the y below it.</summary>
    private static double Line(XGraphics g, string text, XFont font, double x, double y, XStringFormat format)
    {
        g.DrawString(Nfc(text), font, XBrushes.Black, x, y, format);
        return y + font.GetHeight();
    }

    private static void Rule(XGraphics g, double center, double y, double width) =>
        g.DrawLine(Pens.Rule, center - (width / 2), y, center + (width / 2), y);

    /// <summary>Greedy word wrap; a word wider than the line stays whole on its own line.</summary>
    internal static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && g.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current.ToString());
                current.Clear().Append(word);
            }
            else
            {
                current.Clear().Append(candidate);
            }
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    // Noto has precomposed glyphs for Vietnamese letters; decomposed input (NFD) would need mark positioning PDFsharp lacks.
    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    private static class Fonts
    {
        public static readonly XFont Title = Make(13, XFontStyleEx.Bold);
        public static readonly XFont Bold = Make(10, XFontStyleEx.Bold);
        public static readonly XFont Regular = Make(10, XFontStyleEx.Regular);
        public static readonly XFont Italic = Make(10, XFontStyleEx.Italic);
        public static readonly XFont Small = Make(8, XFontStyleEx.Regular);
        public static readonly XFont SmallBold = Make(8, XFontStyleEx.Bold);

        private static XFont Make(double size, XFontStyleEx style)
        {
            // The resolver must be in place before the first XFont is made.
            NotoSansFonts.Register();
            return new XFont(NotoSansFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
        }
    }

    private static class Pens
    {
        public static readonly XPen Grid = new(XColors.Black, 0.6);
        public static readonly XPen Rule = new(XColors.Black, 0.8);
    }

    /// <summary>The page being drawn on; a new page is A4 landscape like the first.</summary>
    private sealed class PageWriter
    {
        private readonly PdfDocument _pdf;

        public PageWriter(PdfDocument pdf)
        {
            _pdf = pdf;
            Graphics = Open();
        }

        public XGraphics Graphics { get; private set; }

        public void NewPage()
        {
            Graphics.Dispose();
            Graphics = Open();
        }

        public void Finish() => Graphics.Dispose();

        private XGraphics Open()
        {
            var page = _pdf.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            return XGraphics.FromPdfPage(page);
        }
    }
}
