using System.Globalization;
using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Core.Tests.Formatting;

/// <summary>Rounding happens once, at display, half away from zero — never banker's rounding.</summary>
public class Rounding
{
    [Theory]
    [InlineData("2.45", 1, "2.5")]
    [InlineData("2.35", 1, "2.4")]
    [InlineData("2.5", 0, "3")]
    [InlineData("3.5", 0, "4")]
    [InlineData("0.125", 2, "0.13")]
    [InlineData("6.745", 2, "6.75")]
    [InlineData("-2.45", 1, "-2.5")]
    [InlineData("-2.5", 0, "-3")]
    [InlineData("-0.125", 2, "-0.13")]
    [InlineData("2.449", 1, "2.4")]
    public void Midpoints_are_rounded_half_away_from_zero(string value, int decimals, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture),
            VietnameseFormat.Round(decimal.Parse(value, CultureInfo.InvariantCulture), decimals));
    }

    [Theory]
    [InlineData("0.0635", 1, "6,4 %")]
    [InlineData("0.0625", 1, "6,3 %")]
    [InlineData("0.00125", 2, "0,13 %")]
    [InlineData("0.06745", 2, "6,75 %")]
    [InlineData("0.06744999", 2, "6,74 %")]
    public void Rate_is_rounded_half_away_from_zero(string fraction, int decimals, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Percent(decimal.Parse(fraction, CultureInfo.InvariantCulture), decimals));
    }

    [Fact]
    public void Rate_is_rounded_once_not_digit_by_digit()
    {
        // 6,3449… % rounds to 6,3 %; rounding first to 6,35 and then to 6,4 would be wrong.
        Assert.Equal("6,3 %", VietnameseFormat.Percent(0.063449m, 1));
    }

    [Theory]
    [InlineData("-2.45", 1, "-2,5")]
    [InlineData("-1234.5", 0, "-1.235")]
    [InlineData("1234.5", 0, "1.235")]
    [InlineData("3973.45", 1, "3.973,5")]
    public void Numbers_are_rounded_half_away_from_zero_including_negatives(string value, int decimals, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Number(decimal.Parse(value, CultureInfo.InvariantCulture), decimals));
    }

    [Theory]
    [InlineData("-0.04", 1, "0,0")]
    [InlineData("-0.4", 0, "0")]
    [InlineData("-0.004", 2, "0,00")]
    public void A_negative_number_that_rounds_to_zero_is_shown_without_a_minus(string value, int decimals, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Number(decimal.Parse(value, CultureInfo.InvariantCulture), decimals));
    }

    [Theory]
    [InlineData("0.0245", "+ 2,5 điểm %")]
    [InlineData("-0.0245", "- 2,5 điểm %")]
    [InlineData("0.00049", "0,0 điểm %")]
    [InlineData("-0.00049", "0,0 điểm %")]
    public void Points_are_rounded_half_away_from_zero_including_negatives(string fractionDifference, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Points(decimal.Parse(fractionDifference, CultureInfo.InvariantCulture), 1));
    }

    [Theory]
    [InlineData("624207.5", "624.208")]
    [InlineData("-0.5", "-1")]
    [InlineData("0.49", "0")]
    public void Decimal_counts_are_rounded_half_away_from_zero(string value, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Count(decimal.Parse(value, CultureInfo.InvariantCulture)));
    }
}
