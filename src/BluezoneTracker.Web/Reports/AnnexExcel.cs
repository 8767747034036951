using BluezoneTracker.Core.Reports;
using ClosedXML.Excel;

namespace BluezoneTracker.Web.Reports;

/// <summary>
/// The annex as a real spreadsheet: every figure is a number cell with a number format (officials
/// sum and sort it), the title lines merged across the table, and a page setup that prints the way
/// the dispatch's annex does (A4 landscape, header repeated, one page wide).
/// </summary>
internal static class AnnexExcel
{
    public const string SheetName = "Phụ lục";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CountFormat = "#,##0";
    public const string ChangeFormat = "+ #,##0;- #,##0;0";
    public const int HeaderRow = 5;
    public const int FirstLineRow = HeaderRow + 1;
    public const int ColumnCount = 6;

    // Fixed widths (characters): AdjustToContents() would need libgdiplus, absent on a fresh server.
    private static readonly double[] ColumnWidths = [6, 40, 14, 20, 17, 26];

    /// <summary>"0.0 %" for the rows, "0.00 %" for the total: the decimals of the official text.</summary>
    public static string RateFormat(int decimals) => "0." + new string('0', decimals) + " %";

    /// <param name="signOff">Whether the date is signed off: a draft says "BẢN NHÁP" above the table and in the page header.</param>
    public static byte[] Write(AnnexDocument document, ReportSettings settings, SignOffStatus? signOff = null)
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
        for (var c = 0; c < ColumnWidths.Length; c++)
        {
            sheet.Column(c + 1).Width = ColumnWidths[c];
        }

        TitleLine(sheet, 1, document.Title).Style.Font.Bold = true;
        TitleLine(sheet, 2, document.AsOfLine).Style.Font.Bold = true;
        TitleLine(sheet, 3, document.AttachmentLine).Style.Font.Italic = true;
        if (signOff is { IsDraft: true })
        {
            var draft = TitleLine(sheet, 4, SignOffStatus.DraftMark);
            draft.Style.Font.Bold = true;
            draft.Style.Font.FontColor = XLColor.DarkRed;
        }

        for (var c = 0; c < document.Headers.Count; c++)
        {
            sheet.Cell(HeaderRow, c + 1).SetValue(document.Headers[c]);
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
            WriteLine(sheet, row++, line);
        }

        var lastRow = row - 1;
        if (signOff?.StatusLine is { } mark)
        {
            sheet.Cell(lastRow + 2, 1).SetValue(mark);
            sheet.Range(lastRow + 2, 1, lastRow + 2, ColumnCount).Merge().Style.Font.Italic = true;
        }

        var table = sheet.Range(HeaderRow, 1, lastRow, ColumnCount);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;

        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        page.PrintAreas.Add(1, 1, lastRow, ColumnCount);
        page.FitToPages(1, 0);
        page.CenterHorizontally = true;
        page.Margins.Left = page.Margins.Right = 0.6;
        page.Margins.Top = page.Margins.Bottom = 0.6;
        if (signOff is { IsDraft: true })
        {
            page.Header.Center.AddText(SignOffStatus.DraftMark);
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

    private static IXLRange TitleLine(IXLWorksheet sheet, int row, string text)
    {
        sheet.Cell(row, 1).SetValue(text);
        var range = sheet.Range(row, 1, row, ColumnCount).Merge();
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        return range;
    }

    private static void WriteLine(IXLWorksheet sheet, int row, AnnexLine line)
    {
        sheet.Cell(row, 1).SetValue(line.Number);
        sheet.Cell(row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Cell(row, 2).SetValue(line.Name);
        Number(sheet.Cell(row, 3), line.Population, CountFormat);
        Number(sheet.Cell(row, 4), line.Registrations, CountFormat);
        Number(sheet.Cell(row, 5), line.Change, ChangeFormat);
        if (line.Rate is { } rate)
        {
            sheet.Cell(row, 6).SetValue(rate);
            sheet.Cell(row, 6).Style.NumberFormat.Format = RateFormat(line.RateDecimals);
        }

        if (line.Kind == AnnexLineKind.Total)
        {
            sheet.Range(row, 1, row, ColumnCount).Style.Font.Bold = true;
        }
    }

    private static void Number(IXLCell cell, long? value, string format)
    {
        if (value is { } v)
        {
            cell.SetValue(v);
            cell.Style.NumberFormat.Format = format;
        }
    }
}
