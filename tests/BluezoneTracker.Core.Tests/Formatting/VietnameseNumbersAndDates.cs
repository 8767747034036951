using System.Globalization;
using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Core.Tests.Formatting;

/// <summary>"." between thousands, "," before decimals, signed changes, d/M/yyyy dates, rank arrows.</summary>
public class VietnameseNumbersAndDates
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(27, "27")]
    [InlineData(999, "999")]
    [InlineData(1_000, "1.000")]
    [InlineData(84_126, "84.126")]
    [InlineData(1_248_415, "1.248.415")]
    [InlineData(-12, "-12")]
    public void Counts_use_a_dot_between_thousands(long value, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Count(value));
    }

    [Theory]
    [InlineData(4_024, "+ 4.024")]
    [InlineData(19_867, "+ 19.867")]
    [InlineData(12, "+ 12")]
    [InlineData(-12, "- 12")]
    [InlineData(-1_500, "- 1.500")]
    [InlineData(0, "0")]
    public void Change_is_signed_with_a_space_after_the_sign_and_zero_is_unsigned(long value, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Change(value));
    }

    [Theory]
    [InlineData("0.2041357", 1, "20,4 %")]
    [InlineData("0.0673862", 2, "6,74 %")]
    [InlineData("0", 1, "0,0 %")]
    [InlineData("1", 1, "100,0 %")]
    [InlineData("12.5", 1, "1.250,0 %")]
    public void Percent_uses_a_decimal_comma_and_a_spaced_percent_sign(string fraction, int decimals, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Percent(decimal.Parse(fraction, CultureInfo.InvariantCulture), decimals));
    }

    [Theory]
    [InlineData("0.0389", 1, "+ 3,9 điểm %")]
    [InlineData("0.0159138", 2, "+ 1,59 điểm %")]
    [InlineData("-0.012", 1, "- 1,2 điểm %")]
    [InlineData("0", 1, "0,0 điểm %")]
    [InlineData("0", 2, "0,00 điểm %")]
    [InlineData("0.0135", 2, "+ 1,35 điểm %")]
    public void Points_are_signed_percentage_points(string fractionDifference, int decimals, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Points(decimal.Parse(fractionDifference, CultureInfo.InvariantCulture), decimals));
    }

    [Fact]
    public void Number_keeps_its_fixed_decimals()
    {
        Assert.Equal("3.973,4", VietnameseFormat.Number(3_973.4m, 1));
        Assert.Equal("1.234.567,80", VietnameseFormat.Number(1_234_567.8m, 2));
        Assert.Equal("5", VietnameseFormat.Number(5m, 0));
    }

    [Theory]
    [InlineData(2, "▲2")]
    [InlineData(-1, "▼1")]
    [InlineData(11, "▲11")]
    [InlineData(0, "–")]
    public void Rank_change_is_an_arrow_up_for_a_better_rank_and_down_for_a_worse_one(int change, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.RankChange(change));
    }

    [Theory]
    [InlineData(2020, 8, 17, "17/8/2020")]
    [InlineData(2020, 8, 2, "2/8/2020")]
    [InlineData(2020, 12, 1, "1/12/2020")]
    public void Dates_are_written_day_month_year_without_leading_zeros(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Date(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Document_dates_and_moments_are_written_in_words_and_24_hour_time()
    {
        Assert.Equal("ngày 17 tháng 8 năm 2020", VietnameseFormat.LongDate(new DateOnly(2020, 8, 17)));
        Assert.Equal("08:05 ngày 7/8/2020", VietnameseFormat.Moment(new DateTime(2020, 8, 7, 8, 5, 0, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void Iso_dates_round_trip_and_anything_else_is_rejected()
    {
        var date = new DateOnly(2020, 8, 17);

        Assert.Equal("2020-08-17", VietnameseFormat.IsoDate(date));
        Assert.True(VietnameseFormat.TryParseIsoDate("2020-08-17", out var parsed));
        Assert.Equal(date, parsed);
        Assert.False(VietnameseFormat.TryParseIsoDate("17/8/2020", out _));
        Assert.False(VietnameseFormat.TryParseIsoDate(null, out _));
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("84.126", VietnameseFormat.Count(84_126));
            Assert.Equal("20,4 %", VietnameseFormat.Percent(0.2041357m, 1));
            Assert.Equal("17/8/2020", VietnameseFormat.Date(new DateOnly(2020, 8, 17)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Points_have_two_decimals_unless_told_otherwise()
    {
        Assert.Equal("+ 1,35 điểm %", VietnameseFormat.Points(0.0135m));
        Assert.Equal("0,00 điểm %", VietnameseFormat.Points(0m));
    }

    [Theory]
    [InlineData("0.5", "50 %")]
    [InlineData("0.505", "50,5 %")]
    [InlineData("0.5025", "50,25 %")]
    [InlineData("0.3333", "33,33 %")]
    public void Target_share_keeps_its_decimals(string fraction, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Share(decimal.Parse(fraction, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(5_242_880, "5 MB")]
    [InlineData(1_572_864, "1,5 MB")]
    [InlineData(52_428_800, "50 MB")]
    [InlineData(268_435_456, "256 MB")]
    [InlineData(900, "900 byte")]
    [InlineData(65_536, "64 KB")]
    public void Byte_sizes_read_as_people_say_them(long bytes, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Bytes(bytes));
    }
}
