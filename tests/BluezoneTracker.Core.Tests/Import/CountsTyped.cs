using BluezoneTracker.Core.Import;

namespace BluezoneTracker.Core.Tests.Import;

public sealed class CountsTyped
{
    [Theory]
    [InlineData("21106")]
    [InlineData("21.106")]
    [InlineData("21,106")]
    [InlineData("21 106")]
    [InlineData(" 21\u00A0106 ")]
    [InlineData("+21106")]
    public void Thousands_separators_are_all_read_as_twenty_one_thousand_one_hundred_and_six(string text) =>
        Assert.Equal((21106L, (ImportProblemKind?)null), CountText.Parse(text));

    [Theory]
    [InlineData("1.234.567", 1234567)]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("007", 7)]
    public void Other_counts_read_as_written(string text, long expected) =>
        Assert.Equal(expected, CountText.Parse(text).Count);

    [Theory]
    [InlineData("21.5", ImportProblemKind.DecimalCount)]
    [InlineData("6,74", ImportProblemKind.DecimalCount)]
    [InlineData("1.234,5", ImportProblemKind.DecimalCount)]
    [InlineData("1,234.567", ImportProblemKind.DecimalCount)]
    [InlineData("-5", ImportProblemKind.NegativeCount)]
    [InlineData("−12", ImportProblemKind.NegativeCount)]
    [InlineData("nhiều", ImportProblemKind.NotANumber)]
    [InlineData("12a", ImportProblemKind.NotANumber)]
    [InlineData("1..234", ImportProblemKind.NotANumber)]
    [InlineData("99999999999999", ImportProblemKind.CountTooLarge)]
    [InlineData("1.000.000.001", ImportProblemKind.CountTooLarge)]
    public void Decimals_negatives_text_and_huge_numbers_are_refused(string text, ImportProblemKind problem) =>
        Assert.Equal(problem, CountText.Parse(text).Problem);

    [Fact]
    public void A_blank_cell_is_no_count_and_no_problem() =>
        Assert.Equal((null, null), CountText.Parse("  "));

    [Theory]
    [InlineData(21106.0, 21106L, null)]
    [InlineData(1234.567, null, ImportProblemKind.DecimalCount)]
    [InlineData(-3.0, null, ImportProblemKind.NegativeCount)]
    public void Number_cells_of_a_spreadsheet_are_read_as_numbers_not_as_text(double number, long? count, ImportProblemKind? problem) =>
        Assert.Equal((count, problem), CountText.Parse(new RawCell(null, (decimal)number)));
}
