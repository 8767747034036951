using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Core.Reports;

/// <summary>
/// The annex as a document: title lines, column headers and lines with both their exact values
/// and their official text. HTML, CSV, Excel and PDF all render this one object, so they say the
/// same thing in the same words. The official annex is always in Vietnamese.
/// </summary>
public sealed record AnnexDocument(
    AnnexReport Report,
    string Title,
    string AsOfLine,
    string AttachmentLine,
    IReadOnlyList<string> Headers,
    IReadOnlyList<AnnexLine> Lines,
    string Summary)
{
    /// <summary>The dispatch the annex is attached to: number, date, place and signer (printed in the PDF's header and signer block).</summary>
    public required DispatchDetails Dispatch { get; init; }

    /// <summary>The annex's columns with their headers, widths, alignment and values: every renderer loops over these.</summary>
    public IReadOnlyList<AnnexColumn> Columns => AnnexColumn.Official(Headers);

    public const int RowRateDecimals = 1;
    public const int TotalRateDecimals = 2;

    /// <summary>The annex of a draft: the dispatch details are the settings', dated on the as-of date.</summary>
    public static AnnexDocument From(AnnexReport report, ReportSettings settings) =>
        From(report, settings, DispatchDetails.FromSettings(settings, report?.Date ?? default));

    /// <summary>The annex attached to a given dispatch ("Kèm theo Công văn số: …/STTTT-TTBCXB ngày 18/8/2020 …").</summary>
    public static AnnexDocument From(AnnexReport report, ReportSettings settings, DispatchDetails dispatch)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dispatch);
        var words = report.Wording();
        var date = VietnameseFormat.Date(report.Date);
        var headers = new[]
        {
            "TT",
            words.ChildrenHeader,
            "Dân số",
            "Số Bluezone đã đăng ký số điện thoại",
            report.CompareDate is { } c ? $"So với ngày {VietnameseFormat.Date(c)}" : "So với ngày trước",
            "Tỷ lệ Bluezone đã đăng ký số điện thoại/Dân số",
        };

        var lines = new List<AnnexLine>(report.Rows.Count + 2);
        var missing = MissingText(report.Date);
        lines.AddRange(report.Rows.Select(r => new AnnexLine(
            AnnexLineKind.Area, r.Rank, r.Code, r.Name, r.Population, r.Registrations, r.Change, r.Rate, RowRateDecimals)
        {
            MissingText = r.IsRanked ? null : missing,
        }));

        // The unassigned and total lines keep numbering after the ranked lines; unranked lines have no number.
        var ranked = report.RankedCount;
        lines.Add(new AnnexLine(
            AnnexLineKind.Unassigned, ranked + 1, null, words.UnassignedLabel, null,
            report.Unassigned.Registrations, report.Unassigned.Change, null, RowRateDecimals));
        lines.Add(new AnnexLine(
            AnnexLineKind.Total, ranked + 2, report.Area.Code, report.TotalIsWithheld || report.ChangeIsWithheld ? words.TotalLabel + " (*)" : words.TotalLabel,
            report.Total.Population, report.Total.Registrations, report.Total.Change, report.Total.Rate, TotalRateDecimals)
        {
            WithheldText = report.Completeness is { } ? Withheld : null,
        });

        return new AnnexDocument(
            report,
            "THỐNG KÊ TÌNH HÌNH TRIỂN KHAI SỬ DỤNG ỨNG DỤNG BLUEZONE",
            $"Tính đến ngày {date}",
            $"(Kèm theo Công văn số: {dispatch.Reference} ngày {VietnameseFormat.Date(dispatch.Date)} của {settings.AgencyShortName})",
            headers,
            lines,
            SummarySentence(report, words))
        {
            Dispatch = dispatch,
            CoverageLine = report.MissingCount == 0 ? null
                : $"{report.RankedCount}/{report.Rows.Count} {words.ChildrenNoun} có số liệu ngày {date}",
            WithheldLine = WithheldNote(report, words),
        };
    }

    /// <summary>The text of a withheld cell of the total line.</summary>
    public const string Withheld = "—";

    /// <summary>
    /// Why the total line's rate, change or rate change are withheld, printed under the table after
    /// <see cref="CoverageLine"/>: "(*) TOÀN TỈNH: tổng của các huyện, thành phố có số liệu, không phải số của toàn
    /// tỉnh; tỷ lệ và số so sánh chưa tính — chưa đủ số liệu." Null when nothing is withheld.
    /// </summary>
    public string? WithheldLine { get; init; }

    /// <summary>
    /// Why a figure of the parent is withheld: "chưa đủ số liệu: 2/12 huyện, thành phố có số liệu ngày 20/8/2020"
    /// (and the same for the comparison date when a child is missing there too); null when nothing is withheld.
    /// </summary>
    public static string? WithheldReason(AnnexReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Completeness is not { } c || c.ChangeIsComplete)
        {
            return null;
        }

        var words = report.Wording();
        var dates = new List<string>(2);
        if (!c.IsComplete)
        {
            dates.Add($"{c.Reported}/{c.Children} {words.ChildrenNoun} có số liệu ngày {VietnameseFormat.Date(report.Date)}");
        }

        if (c.CompareReported is { } then && then != c.Children && report.CompareDate is { } compare)
        {
            dates.Add($"{then}/{c.Children} {words.ChildrenNoun} có số liệu ngày {VietnameseFormat.Date(compare)}");
        }

        return "chưa đủ số liệu: " + string.Join("; ", dates);
    }

    private static string? WithheldNote(AnnexReport report, AreaWording words)
    {
        if (WithheldReason(report) is not { } reason || report.Completeness is not { } c)
        {
            return null;
        }

        // Short: the coverage line above already says how many have a count on the report date, and the table names
        // each area without one; only the comparison date's missing areas are named here (they are in no cell).
        if (!c.IsComplete)
        {
            return $"(*) {words.TotalLabel}: tổng của các {words.ChildrenNoun} có số liệu, không phải số của {words.Whole}; tỷ lệ và số so sánh chưa tính — chưa đủ số liệu.";
        }

        var missingThen = report.CompareDate is { } compare && c.MissingOnCompare.Count > 0
            ? $" Chưa có số liệu ngày {VietnameseFormat.Date(compare)}: {string.Join(", ", c.MissingOnCompare)}."
            : string.Empty;
        return $"(*) {words.TotalLabel}: số so sánh và thay đổi tỷ lệ chưa tính — {reason}.{missingThen}";
    }

    /// <summary>
    /// How many child areas have a count on the report date, e.g. "11/12 huyện, thành phố có số liệu ngày
    /// 18/8/2020"; null when all have one. Printed under the table wherever the annex is rendered.
    /// </summary>
    public string? CoverageLine { get; init; }

    /// <summary>The text of an unranked line's registrations cell: "chưa có số liệu ngày 18/8/2020".</summary>
    public static string MissingText(DateOnly date) => $"chưa có số liệu ngày {VietnameseFormat.Date(date)}";

    /// <summary>
    /// The dispatch's summary sentence: "Theo thống kê, tính đến ngày 17/8/2020, toàn tỉnh Sơn La có
    /// 84.126 lượt cài đặt …, chiếm 6,74% dân số toàn tỉnh, tăng 19.867 lượt so với thống kê ngày 12/8/2020."
    /// </summary>
    private static string SummarySentence(AnnexReport report, AreaWording words)
    {
        var total = report.Total;
        if (report.Completeness is { IsComplete: false } c)
        {
            // A partial sum is not the parent's figure: say how many reported and which did not, claim nothing of the whole.
            return $"Theo thống kê, tính đến ngày {VietnameseFormat.Date(report.Date)}, mới có {c.Reported}/{c.Children} "
                + $"{words.ChildrenNoun} có số liệu, với tổng {VietnameseFormat.Count(total.Registrations)} lượt cài đặt và sử dụng ứng dụng Bluezone-Phát hiện tiếp xúc; "
                + $"chưa có số liệu: {string.Join(", ", c.Missing)}. Chưa đủ số liệu để tính số liệu {words.WholeOf}.";
        }

        var text = $"Theo thống kê, tính đến ngày {VietnameseFormat.Date(report.Date)}, {words.WholeOf} có "
            + $"{VietnameseFormat.Count(total.Registrations)} lượt cài đặt và sử dụng ứng dụng Bluezone-Phát hiện tiếp xúc";
        if (total.Rate is { } rate)
        {
            text += $", chiếm {VietnameseFormat.Number(rate * 100m, TotalRateDecimals)}% dân số {words.Whole}";
        }

        if (total.Change is { } change && report.CompareDate is { } compare)
        {
            var verb = change >= 0 ? "tăng" : "giảm";
            text += $", {verb} {VietnameseFormat.Count(Math.Abs(change))} lượt so với thống kê ngày {VietnameseFormat.Date(compare)}";
        }
        else if (report.ChangeIsWithheld && report.CompareDate is { } then)
        {
            text += $"; chưa so sánh được với ngày {VietnameseFormat.Date(then)} ({WithheldReason(report)})";
        }

        return text + ".";
    }
}

public enum AnnexLineKind
{
    Area,
    Unassigned,
    Total,
}

/// <summary>
/// One line of the annex with its exact values; the text properties are the official wording.
/// <see cref="Number"/> is null for an area without a count on the report date (it is not ranked).
/// </summary>
public sealed record AnnexLine(
    AnnexLineKind Kind,
    int? Number,
    string? Code,
    string Name,
    long? Population,
    long? Registrations,
    long? Change,
    decimal? Rate,
    int RateDecimals)
{
    /// <summary>For an unranked area, the text printed in its registrations cell ("chưa có số liệu ngày 18/8/2020").</summary>
    public string? MissingText { get; init; }

    public string NumberText => Number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    public string PopulationText => Population is { } p ? VietnameseFormat.Count(p) : string.Empty;

    public string RegistrationsText => Registrations is { } r ? VietnameseFormat.Count(r) : MissingText ?? string.Empty;

    /// <summary>For the total line of an incomplete annex, the text of its withheld cells ("—").</summary>
    public string? WithheldText { get; init; }

    public string ChangeText => Change is { } c ? VietnameseFormat.Change(c) : WithheldText ?? string.Empty;

    public string RateText => Rate is { } r ? VietnameseFormat.Percent(r, RateDecimals) : WithheldText ?? string.Empty;

    /// <summary>The six cells of the line, as they are printed (one per <see cref="AnnexColumn"/>).</summary>
    public IReadOnlyList<string> Cells => AnnexColumn.TextsOf(this);
}
