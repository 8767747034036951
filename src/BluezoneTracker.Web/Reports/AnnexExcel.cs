using BluezoneTracker.Core.Reports;
using ClosedXML.Excel;

namespace BluezoneTracker.Web.Reports;

/// <summary>
/// The annex as a real spreadsheet a director can sign: the same content around the table as the PDF
/// (agency block with the document number, national motto, the dispatch's place and date line, the
/// population note, the data-quality warnings, the sign-off line and the signer block, all from
/// <see cref="AnnexFrame"/>); every figure a number cell with a number format (officials sum and sort
/// it); a page setup that prints the way the dispatch's annex does (A4 landscape, header repeated, one
/// page wide, the page header "BẢN NHÁP" in a margin of its own above the agency block).
/// </summary>
internal static class AnnexExcel
{
    public const string SheetName = "Phụ lục";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CountFormat = "#,##0";
    public const string ChangeFormat = "+ #,##0;- #,##0;0";
    /// <summary>Agency name (columns A–B) beside the nation's name (C–F).</summary>
    public const int AgencyRow = 1;

    /// <summary>"Số: …" beside the motto.</summary>
    public const int NumberRow = 2;

    /// <summary>"Sơn La, ngày 17 tháng 8 năm 2020" under the motto.</summary>
    public const int PlaceDateRow = 3;

    /// <summary>The notice of made-up figures (the national demo), between the agency block and the title; empty otherwise.</summary>
    public const int SyntheticRow = 4;

    /// <summary>The page header of every printed page of an annex with made-up figures.</summary>
    public const string SyntheticHeader = "SỐ LIỆU MINH HỌA — không phải số liệu thật";

    public const int TitleRow = 5;
    public const int AsOfRow = 6;
    public const int AttachmentRow = 7;

    /// <summary>"BẢN NHÁP" while the date is not signed off, empty once it is.</summary>
    public const int DraftRow = 8;

    public const int HeaderRow = 9;
    public const int FirstLineRow = HeaderRow + 1;
    public const int ColumnCount = 6;

    /// <summary>"0.0 %" for the rows, "0.00 %" for the total: the decimals of the official text.</summary>
    public static string RateFormat(int decimals) => "0." + new string('0', decimals) + " %";

    /// <param name="signOff">Whether the date is signed off: a draft says "BẢN NHÁP" above the table and in the page header.</param>
    /// <param name="notes">The population note and the warnings printed under the table (none when null).</param>
    public static byte[] Write(AnnexDocument document, ReportSettings settings, SignOffStatus? signOff = null, AnnexNotes? notes = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"{document.Title} – {document.AsOfLine}";
        workbook.Properties.Subject = document.AttachmentLine;
        workbook.Properties.Author = settings.AgencyName;
        workbook.Properties.Company = settings.AgencyName;
        workbook.Style.Font.FontName = "Times New Roman";
        workbook.Style.Font.FontSize = 12;

        var sheet = workbook.Worksheets.Add(SheetName);
        var columns = document.Columns;

        // Fixed widths (characters): AdjustToContents() would need libgdiplus, absent on a fresh server.
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Column(c + 1).Width = columns[c].WidthCharacters;
        }

        var frame = AnnexFrame.From(document, settings, signOff, notes);
        AgencyBlock(sheet, frame);
        TitleLine(sheet, TitleRow, document.Title).Style.Font.Bold = true;
        TitleLine(sheet, AsOfRow, document.AsOfLine).Style.Font.Bold = true;
        TitleLine(sheet, AttachmentRow, document.AttachmentLine).Style.Font.Italic = true;
        if (frame.Notes.SyntheticNotice is { } synthetic)
        {
            // Made-up figures say so above the title, and in the page header of every printed page.
            var notice = TitleLine(sheet, SyntheticRow, synthetic);
            notice.Style.Font.Bold = true;
            notice.Style.Font.FontColor = XLColor.DarkRed;
        }

        if (frame.IsDraft)
        {
            var draft = TitleLine(sheet, DraftRow, SignOffStatus.DraftMark);
            draft.Style.Font.Bold = true;
            draft.Style.Font.FontColor = XLColor.DarkRed;
        }

        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(HeaderRow, c + 1).SetValue(columns[c].Header);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, ColumnCount);
        header.Style.Font.Bold = true;
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        sheet.Row(HeaderRow).Height = 48;

        var row = FirstLineRow;
        foreach (var line in document.Lines)
        {
            WriteLine(sheet, row++, line, columns);
        }

        var lastRow = row - 1;
        var printedTo = Closing(sheet, frame, lastRow + 2);

        var table = sheet.Range(HeaderRow, 1, lastRow, ColumnCount);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;

        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        page.PrintAreas.Add(1, 1, printedTo, ColumnCount);
        page.FitToPages(1, 0);
        page.CenterHorizontally = true;

        // Inches. The header ("BẢN NHÁP") is printed 0.3" from the paper's edge and the sheet starts at
        // 0.85": the header has its own band and never overprints the agency block or the title.
        page.Margins.Left = page.Margins.Right = 0.6;
        page.Margins.Header = page.Margins.Footer = 0.3;
        page.Margins.Top = page.Margins.Bottom = 0.85;
        if (frame.IsDraft)
        {
            page.Header.Center.AddText(SignOffStatus.DraftMark);
        }

        if (frame.Notes.SyntheticNotice is not null)
        {
            page.Header.Left.AddText(SyntheticHeader);
        }

        page.Footer.Center.AddText("Trang ");
        page.Footer.Center.AddText(XLHFPredefinedText.PageNumber);
        page.Footer.Center.AddText("/");
        page.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages);
        sheet.SheetView.FreezeRows(HeaderRow);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The agency and its document number on the left, the nation, motto and place-date on the right.</summary>
    private static void AgencyBlock(IXLWorksheet sheet, AnnexFrame frame)
    {
        var agency = Block(sheet, AgencyRow, 1, 2, frame.Agency);
        agency.Style.Font.Bold = true;
        agency.Style.Alignment.WrapText = true;
        sheet.Row(AgencyRow).Height = 32;
        Block(sheet, NumberRow, 1, 2, frame.NumberLine);
        Block(sheet, AgencyRow, 3, ColumnCount, AnnexFrame.NationText).Style.Font.Bold = true;
        var motto = Block(sheet, NumberRow, 3, ColumnCount, AnnexFrame.MottoText);
        motto.Style.Font.Bold = true;
        motto.Style.Font.Underline = XLFontUnderlineValues.Single;
        Block(sheet, PlaceDateRow, 3, ColumnCount, frame.PlaceDateLine).Style.Font.Italic = true;
    }

    /// <summary>Notes and the sign-off line across the table, then the signer block on the right; returns the last row used.</summary>
    private static int Closing(IXLWorksheet sheet, AnnexFrame frame, int row)
    {
        foreach (var note in frame.NoteLines())
        {
            var range = Block(sheet, row, 1, ColumnCount, note);
            range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            range.Style.Alignment.WrapText = true;
            range.Style.Font.FontSize = 10;
            range.Style.Font.Bold = note == AnnexFrame.WarningsHeading;

            // A merged cell does not grow with its text: about 140 characters fit the table's width at 10 pt.
            sheet.Row(row).Height = 14 * Math.Max(1, (int)Math.Ceiling(note.Length / 140.0));
            row++;
        }

        if (frame.StatusLine is { } status)
        {
            var range = Block(sheet, row++, 1, ColumnCount, status);
            range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            range.Style.Font.Italic = true;
        }

        row++;
        Block(sheet, row, 4, ColumnCount, frame.SignerTitle).Style.Font.Bold = true;

        // Room for the signature and the seal, as on the PDF.
        row += 4;
        if (!string.IsNullOrWhiteSpace(frame.SignerName))
        {
            Block(sheet, row, 4, ColumnCount, frame.SignerName).Style.Font.Bold = true;
        }

        return row;
    }

    private static IXLRange Block(IXLWorksheet sheet, int row, int firstColumn, int lastColumn, string text)
    {
        sheet.Cell(row, firstColumn).SetValue(text);
        var range = sheet.Range(row, firstColumn, row, lastColumn).Merge();
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        return range;
    }

    private static IXLRange TitleLine(IXLWorksheet sheet, int row, string text)
    {
        sheet.Cell(row, 1).SetValue(text);
        var range = sheet.Range(row, 1, row, ColumnCount).Merge();
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        return range;
    }

    private static void WriteLine(IXLWorksheet sheet, int row, AnnexLine line, IReadOnlyList<AnnexColumn> columns)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var cell = sheet.Cell(row, c + 1);
            if (column.Value(line) is { } value)
            {
                // A real number with the format of its column, so officials can sum and sort.
                cell.SetValue(value);
                var format = column.Kind switch
                {
                    AnnexColumnKind.Count => CountFormat,
                    AnnexColumnKind.Change => ChangeFormat,
                    AnnexColumnKind.Rate => RateFormat(line.RateDecimals),
                    _ => null,
                };
                if (format is not null)
                {
                    cell.Style.NumberFormat.Format = format;
                }
            }
            else if (column.Text(line) is { Length: > 0 } text)
            {
                // The name, or the words in a number's place ("chưa có số liệu ngày …").
                cell.SetValue(text);
            }

            // Spreadsheets align numbers right and text left by themselves; only the other cases are set.
            if (column.Alignment == AnnexAlignment.Center || (column.Alignment == AnnexAlignment.Right && column.Value(line) is null && cell.DataType == XLDataType.Text && !cell.IsEmpty()))
            {
                cell.Style.Alignment.Horizontal = column.Alignment == AnnexAlignment.Center ? XLAlignmentHorizontalValues.Center : XLAlignmentHorizontalValues.Right;
            }
        }

        if (line.Kind == AnnexLineKind.Total)
        {
            sheet.Range(row, 1, row, ColumnCount).Style.Font.Bold = true;
        }
    }
}
