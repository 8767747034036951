using System.Text;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Web.Figures;
using ClosedXML.Excel;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>Templates to fill in: one row per area with its code and name, the unassigned row last.</summary>
internal static class CountsTemplate
{
    // The children's header and the unassigned row in the area's words, as in its annex (AreaWording).
    private static string[] Headers(AreaCatalog? catalog) =>
        ["Mã", catalog is null ? "Địa bàn" : Words(catalog).ChildrenHeader, "Số Bluezone đã đăng ký số điện thoại"];

    private static string UnassignedName(AreaCatalog? catalog) =>
        catalog is null ? "Số thuê bao chưa xác định được địa bàn" : Words(catalog).UnassignedLabel;

    private static AreaWording Words(AreaCatalog catalog) => AreaWording.For(catalog.Area, catalog.Children);

    public static byte[] Csv(AreaCatalog? catalog)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Headers(catalog).Select(Quote))).Append("\r\n");
        foreach (var area in catalog?.Children ?? [])
        {
            csv.Append(area.Code).Append(',').Append(Quote(area.Name)).Append(",\r\n");
        }

        csv.Append(',').Append(Quote(UnassignedName(catalog))).Append(",\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(AreaCatalog? catalog)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Số liệu");
        var headers = Headers(catalog);
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }

        var row = 2;
        foreach (var area in catalog?.Children ?? [])
        {
            // Codes as text, so that "014" would keep its zero.
            sheet.Cell(row, 1).SetValue(area.Code).SetDataType(XLDataType.Text);
            sheet.Cell(row, 2).SetValue(area.Name);
            row++;
        }

        sheet.Cell(row, 2).SetValue(UnassignedName(catalog));
        sheet.Column(1).Width = 8;
        sheet.Column(2).Width = 40;
        sheet.Column(3).Width = 22;
        sheet.Range(2, 3, row, 3).Style.NumberFormat.Format = "#,##0";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
