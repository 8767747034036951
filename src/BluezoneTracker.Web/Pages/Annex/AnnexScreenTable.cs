using BluezoneTracker.Core.Reports;
using Microsoft.AspNetCore.Html;

namespace BluezoneTracker.Web.Pages.Annex;

/// <summary>
/// The markup of the on-screen annex table (decisions 120 and 131): the blocks of <see cref="AnnexScreenBlocks"/>
/// as one ARIA table, written without the indentation and line breaks a Razor loop puts between tags. In a table
/// every such run of spaces is a text node the parser creates and the browser styles; at 700 lines they were
/// 58 % of the page's bytes and half its DOM nodes, parsed on a phone's slow CPU before the first screen was ready.
/// Texts are appended unencoded and encoded by the view's encoder when written, like any Razor <c>@value</c>.
/// </summary>
public static class AnnexScreenTable
{
    /// <summary>
    /// The table of <paramref name="document"/>: a <c>div role="table"</c> labelled by the element
    /// <paramref name="titleId"/>, holding one <c>div.annex-block</c> per block, each with its own
    /// <c>table.annex</c> (<c>role="none"</c>); the header row in the first block, every line once in order with
    /// its ARIA row index (the header's is 1), and in every block of a long annex the hidden sizing rows.
    /// </summary>
    /// <param name="document">The annex.</param>
    /// <param name="titleId">The id of the element whose text is the table's accessible name.</param>
    /// <param name="areaLink">The address of an area's page from its code (the name cell of an area line links there).</param>
    public static IHtmlContent Html(AnnexDocument document, string titleId, Func<string, string> areaLink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(areaLink);
        var columns = document.Columns;
        var sizing = AnnexScreenBlocks.SizingRows(document);
        var html = new HtmlContentBuilder();
        html.AppendHtml("<div class=\"annex-blocks\" role=\"table\" aria-labelledby=\"").Append(titleId)
            .AppendHtml("\" aria-rowcount=\"").Append(Number(document.Lines.Count + 1))
            .AppendHtml("\" data-testid=\"annex-table\">");
        var rowIndex = 1;
        var first = true;
        foreach (var block in AnnexScreenBlocks.Split(document.Lines))
        {
            html.AppendHtml("<div class=\"annex-block\"><table class=\"annex\" role=\"none\">");
            if (first)
            {
                html.AppendHtml("<thead role=\"rowgroup\"><tr role=\"row\" aria-rowindex=\"").Append(Number(rowIndex++)).AppendHtml("\">");
                foreach (var column in columns)
                {
                    html.AppendHtml("<th scope=\"col\" role=\"columnheader\">").Append(column.Header).AppendHtml("</th>");
                }

                html.AppendHtml("</tr></thead>");
                first = false;
            }

            html.AppendHtml("<tbody role=\"rowgroup\">");
            foreach (var line in block)
            {
                html.AppendHtml("<tr role=\"row\" aria-rowindex=\"").Append(Number(rowIndex++)).AppendHtml(line.Kind switch
                {
                    AnnexLineKind.Total => "\" class=\"total\">",
                    AnnexLineKind.Unassigned => "\" class=\"unassigned\">",
                    _ => "\">",
                });
                foreach (var column in columns)
                {
                    if (column.Kind == AnnexColumnKind.Name && line.Kind == AnnexLineKind.Area && line.Code is { } code)
                    {
                        html.AppendHtml("<td role=\"cell\"><a href=\"").Append(areaLink(code))
                            .AppendHtml("\" class=\"area-link\" data-testid=\"area-link\">").Append(column.Text(line)).AppendHtml("</a></td>");
                    }
                    else
                    {
                        var negative = column.Kind == AnnexColumnKind.Change && column.Value(line) < 0;
                        html.AppendHtml(CellStart(column, negative, "<td role=\"cell\"")).Append(column.Text(line)).AppendHtml("</td>");
                    }
                }

                html.AppendHtml("</tr>");
            }

            html.AppendHtml("</tbody>");
            if (sizing.Count > 0)
            {
                html.AppendHtml("<tfoot class=\"annex-sizer\" aria-hidden=\"true\"><tr>");
                foreach (var column in columns)
                {
                    html.AppendHtml("<th>").Append(column.Header).AppendHtml("</th>");
                }

                html.AppendHtml("</tr>");
                foreach (var row in sizing)
                {
                    html.AppendHtml(row.IsTotal ? "<tr class=\"total\">" : "<tr class=\"annex-sizer-texts\">");
                    foreach (var (column, text) in columns.Zip(row.Cells))
                    {
                        html.AppendHtml(CellStart(column, false, "<td")).Append(text).AppendHtml("</td>");
                    }

                    html.AppendHtml("</tr>");
                }

                html.AppendHtml("</tfoot>");
            }

            html.AppendHtml("</table></div>");
        }

        return html.AppendHtml("</div>");
    }

    /// <summary>A cell's start tag with the class its column's alignment asks for (centred bold, right-aligned, negative change).</summary>
    private static string CellStart(AnnexColumn column, bool negative, string tag) => column.Alignment switch
    {
        AnnexAlignment.Center => tag + " class=\"tt\">",
        AnnexAlignment.Right => tag + (negative ? " class=\"num negative\">" : " class=\"num\">"),
        _ => tag + ">",
    };

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
