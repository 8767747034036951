using System.Globalization;
using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>
/// The annex of công văn Sở TT&amp;TT Sơn La, 17/8/2020, rebuilt from the seed and formatted cell by
/// cell. The expected table is the dispatch's, typed by hand, with its arithmetic errors corrected
/// (shared/domain.md): Mai Sơn 6,3 % (not 6,4), Phù Yên 5,9 % (not 6,0), total 84.126, total rate
/// with two decimals, total change signed, the unassigned row's change (27 − 15) filled in.
/// </summary>
public class AnnexOfTheSonLaDispatch
{
    private const string UnassignedLabel = "Số thuê bao chưa xác định được huyện";
    private const string TotalLabel = "TOÀN TỈNH";

    // TT | Huyện, Thành phố | Dân số | Số Bluezone đã đăng ký số điện thoại | So với ngày 12/8/2020 | Tỷ lệ
    private static readonly string[][] DispatchTable =
    [
        ["1", "Thành phố Sơn La", "103.392", "21.106", "+ 4.024", "20,4 %"],
        ["2", "Huyện Mộc Châu", "112.402", "11.346", "+ 2.008", "10,1 %"],
        ["3", "Huyện Mai Sơn", "162.696", "10.329", "+ 2.468", "6,3 %"],
        ["4", "Huyện Mường La", "98.760", "6.122", "+ 1.273", "6,2 %"],
        ["5", "Huyện Phù Yên", "113.779", "6.763", "+ 1.488", "5,9 %"],
        ["6", "Huyện Quỳnh Nhai", "63.447", "3.359", "+ 1.266", "5,3 %"],
        ["7", "Huyện Yên Châu", "78.572", "4.093", "+ 1.094", "5,2 %"],
        ["8", "Huyện Sông Mã", "152.889", "7.083", "+ 2.073", "4,6 %"],
        ["9", "Huyện Sốp Cộp", "49.554", "2.025", "+ 446", "4,1 %"],
        ["10", "Huyện Thuận Châu", "171.680", "6.985", "+ 2.302", "4,1 %"],
        ["11", "Huyện Bắc Yên", "66.248", "2.580", "+ 672", "3,9 %"],
        ["12", "Huyện Vân Hồ", "61.435", "2.308", "+ 741", "3,8 %"],
        ["13", UnassignedLabel, "", "27", "+ 12", ""],
        ["14", TotalLabel, "1.248.415", "84.126", "+ 19.867", "6,74 %"],
    ];

    [Fact]
    public void Every_cell_matches_the_dispatch_with_its_arithmetic_errors_corrected()
    {
        var annex = SeedAnnex.Build();

        var table = new List<string[]>();
        table.AddRange(annex.Rows.Select(r => new[]
        {
            r.Rank!.Value.ToString(CultureInfo.InvariantCulture),
            r.Name,
            r.Population is { } p ? VietnameseFormat.Count(p) : "",
            r.Registrations is { } n ? VietnameseFormat.Count(n) : "",
            r.Change is { } c ? VietnameseFormat.Change(c) : "",
            r.Rate is { } rate ? VietnameseFormat.Percent(rate, 1) : "",
        }));
        table.Add(
        [
            (annex.Rows.Count + 1).ToString(CultureInfo.InvariantCulture),
            UnassignedLabel,
            "",
            VietnameseFormat.Count(annex.Unassigned.Registrations),
            annex.Unassigned.Change is { } uc ? VietnameseFormat.Change(uc) : "",
            "",
        ]);
        table.Add(
        [
            (annex.Rows.Count + 2).ToString(CultureInfo.InvariantCulture),
            TotalLabel,
            annex.Total.Population is { } tp ? VietnameseFormat.Count(tp) : "",
            VietnameseFormat.Count(annex.Total.Registrations),
            annex.Total.Change is { } tc ? VietnameseFormat.Change(tc) : "",
            annex.Total.Rate is { } tr ? VietnameseFormat.Percent(tr, 2) : "",
        ]);

        Assert.Equal(DispatchTable.Length, table.Count);
        for (var i = 0; i < DispatchTable.Length; i++)
        {
            // One row at a time, so a failure names the row and shows both versions of it.
            Assert.Equal(string.Join(" | ", DispatchTable[i]), string.Join(" | ", table[i]));
        }
    }

    [Fact]
    public void Report_date_and_comparison_date_are_those_of_the_dispatch()
    {
        var annex = SeedAnnex.Build();

        Assert.Equal("17/8/2020", VietnameseFormat.Date(annex.Date));
        Assert.Equal("12/8/2020", annex.CompareDate is { } c ? VietnameseFormat.Date(c) : null);
    }

    [Fact]
    public void Sop_Cop_ranks_above_Thuan_Chau_by_exact_rate_although_both_show_4_1_percent()
    {
        var annex = SeedAnnex.Build();
        var sopCop = annex.Row("127");
        var thuanChau = annex.Row("119");

        Assert.Equal(VietnameseFormat.Percent(sopCop.Rate!.Value, 1), VietnameseFormat.Percent(thuanChau.Rate!.Value, 1));
        Assert.True(sopCop.Rate > thuanChau.Rate);
        Assert.Equal(9, sopCop.Rank);
        Assert.Equal(10, thuanChau.Rank);
    }

    [Fact]
    public void Summary_figures_of_the_letter_are_the_corrected_ones()
    {
        var annex = SeedAnnex.Build();

        // The letter says 84.124; the table's own rows add up to 84.126.
        Assert.Equal(84_126, annex.Total.Registrations);
        Assert.Equal(84_099, annex.Rows.Sum(r => r.Registrations ?? 0));
        Assert.Equal(19_867, annex.Total.Change);
        Assert.Equal(19_855, annex.Rows.Sum(r => r.Change ?? 0));
    }
}
