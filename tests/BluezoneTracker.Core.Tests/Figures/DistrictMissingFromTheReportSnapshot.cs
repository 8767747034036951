using BluezoneTracker.Core.Figures;
using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>
/// A district absent from the report date's counts is shown empty, after the ranked rows and without a
/// rank, never as zero; no rank change counts it (issue #10, point 2).
/// </summary>
public class DistrictMissingFromTheReportSnapshot
{
    private static AnnexReport Annex() => new AnnexScenario()
        .ProvincePopulation(40_000)
        .District("01", "Huyện An", 10_000)
        .District("02", "Huyện Bình", 10_000)
        .District("03", "Huyện Cao", 10_000)
        .Counts(Day(12), 5, ("01", 100), ("02", 200), ("03", 300))
        .Counts(Day(17), 7, ("01", 150), ("03", 330))
        .Build(Day(17), Day(12));

    [Fact]
    public void Its_registrations_change_and_rate_are_empty()
    {
        var row = Annex().Row("02");

        Assert.Null(row.Registrations);
        Assert.Null(row.Change);
        Assert.Null(row.Rate);
        Assert.Null(row.RateChange);
        Assert.Equal(10_000, row.Population);
    }

    [Fact]
    public void It_is_listed_after_the_ranked_rows_without_a_rank()
    {
        var annex = Annex();

        Assert.Equal(["03", "01", "02"], annex.Rows.Select(r => r.Code));
        Assert.Equal([1, 2], annex.Rows.Where(r => r.IsRanked).Select(r => r.Rank!.Value));
        Assert.Null(annex.Row("02").Rank);
        Assert.False(annex.Row("02").IsRanked);
    }

    [Fact]
    public void It_has_neither_a_previous_rank_nor_a_rank_change()
    {
        var row = Annex().Row("02");

        // 2nd by rate on 12/8 among all three; with no count on 17/8 it takes no part in the ranking.
        Assert.Null(row.PreviousRank);
        Assert.Null(row.RankChange);
    }

    [Fact]
    public void The_other_districts_rank_changes_do_not_count_it()
    {
        var annex = Annex();

        // On 12/8 Huyện An was 3rd of three, behind Huyện Bình; ranked only among the districts that have
        // a count on 17/8 it was 2nd then and is 2nd now: it did not move up because Bình's count is missing.
        Assert.Equal(2, annex.Row("01").PreviousRank);
        Assert.Equal(0, annex.Row("01").RankChange);
        Assert.Equal(1, annex.Row("03").PreviousRank);
        Assert.Equal(0, annex.Row("03").RankChange);
    }

    [Fact]
    public void The_report_says_how_many_districts_have_data()
    {
        var annex = Annex();

        Assert.Equal(2, annex.RankedCount);
        Assert.Equal(1, annex.MissingCount);
    }

    [Fact]
    public void It_is_flagged_with_the_report_date()
    {
        var warning = Assert.Single(Annex().WarningsOf(DataWarningKind.MissingFromSnapshot));

        Assert.Equal("02", warning.AreaCode);
        Assert.Equal(Day(17), warning.OtherDate);
    }

    [Fact]
    public void Totals_sum_what_is_present_and_withhold_the_change()
    {
        var annex = Annex();

        // The change is the province's only when every district has a count on both dates (round 10): 50 + 30 + 2 was not.
        Assert.Equal(150 + 330 + 7, annex.Total.Registrations);
        Assert.Null(annex.Total.Change);
        Assert.Equal(40_000, annex.Total.Population);
        Assert.Equal(30_000, annex.Total.RowsPopulation);
    }

    [Fact]
    public void It_is_ranked_after_districts_without_a_population()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện An", 10_000)
            .District("02", "Huyện Bình", 10_000)
            .District("03", "Huyện Cao", 0)
            .Counts(Day(17), 0, ("01", 150), ("03", 330))
            .Build(Day(17), null);

        Assert.Equal(["01", "03", "02"], annex.Rows.Select(r => r.Code));
        Assert.Equal([1, 2, null], annex.Rows.Select(r => r.Rank));
    }
}

/// <summary>The annex document (rendered to HTML, CSV, JSON, XLSX and PDF) prints the unranked district's line.</summary>
public class DistrictMissingFromTheReportSnapshotInTheAnnexDocument
{
    private static Core.Reports.AnnexDocument Document() => Core.Reports.AnnexDocument.From(new AnnexScenario()
        .ProvincePopulation(40_000)
        .District("01", "Huyện An", 10_000)
        .District("02", "Huyện Bình", 10_000)
        .District("03", "Huyện Cao", 10_000)
        .Counts(Day(12), 5, ("01", 100), ("02", 200), ("03", 300))
        .Counts(Day(17), 7, ("01", 150), ("03", 330))
        .Build(Day(17), Day(12)), new Core.Reports.ReportSettings());

    [Fact]
    public void Its_line_has_no_number_and_says_there_is_no_count_on_the_report_date()
    {
        var line = Document().Lines.Single(l => l.Code == "02");

        Assert.Equal(["", "Huyện Bình", "10.000", "chưa có số liệu ngày 17/8/2020", "", ""], line.Cells);
    }

    [Fact]
    public void The_ranked_lines_come_first_and_the_numbering_skips_the_unranked_one()
    {
        var lines = Document().Lines;

        Assert.Equal(["1", "2", "", "3", "4"], lines.Select(l => l.NumberText));
        Assert.Equal(["03", "01", "02", null, "99"], lines.Select(l => l.Code));
    }

    [Fact]
    public void It_says_how_many_districts_have_data_in_the_area_kinds_words()
    {
        Assert.Equal("2/3 huyện, thành phố có số liệu ngày 17/8/2020", Document().CoverageLine);
    }
}
