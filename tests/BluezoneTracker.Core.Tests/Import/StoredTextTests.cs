using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Import;

namespace BluezoneTracker.Core.Tests.Import;

public sealed class StoredTextTests
{
    [Theory]
    [InlineData("tệp\u202Exslx.exe", "tệpxslx.exe")]
    [InlineData("a\u2066b\u2069c\u200Fd\u061Ce", "abcde")]
    [InlineData("  Sửa\r\nsố\tliệu\u0000 ", "Sửa số liệu")]
    [InlineData("\uFEFFso-lieu.csv", "so-lieu.csv")]
    public void Control_and_bidi_characters_are_removed(string text, string clean) =>
        Assert.Equal(clean, StoredText.Clean(text));

    [Fact]
    public void Text_is_kept_in_NFC() =>
        Assert.Equal("Huyện", StoredText.Clean("Huye\u0323\u0302n"));

    [Fact]
    public void Reasons_are_bounded_at_1000_and_file_names_at_260_characters_after_cleaning()
    {
        Assert.Null(StoredText.ReasonProblem(new string('a', 1_000) + "\u202E\u202E"));
        Assert.Equal(new ImportProblem(ImportProblemKind.ReasonTooLong, Value: "1001", Other: "1000"), StoredText.ReasonProblem(new string('a', 1_001)));
        Assert.Null(StoredText.FileNameProblem(new string('a', 260)));
        Assert.Equal(ImportProblemKind.FileNameTooLong, StoredText.FileNameProblem(new string('a', 261))!.Kind);
        Assert.Null(StoredText.ReasonProblem(null));
    }
}

public sealed class AcceptedDatesTests
{
    [Fact]
    public void The_range_ends_days_ahead_of_today_and_never_past_the_calendar()
    {
        var range = AcceptedDates.Until(new DateOnly(2026, 11, 29), AcceptedDates.DefaultEarliest, 1);
        Assert.Equal(new DateOnly(2026, 11, 30), range.Latest);
        Assert.False(range.Contains(new DateOnly(2019, 12, 31)));
        Assert.True(range.Contains(new DateOnly(2020, 1, 1)));
        Assert.Equal(DateOnly.MaxValue, AcceptedDates.Until(DateOnly.MaxValue, AcceptedDates.DefaultEarliest, 1).Latest);
    }

    [Fact]
    public void The_intake_refuses_a_date_before_the_range_and_one_after_today()
    {
        var range = new AcceptedDates(AcceptedDates.DefaultEarliest, new DateOnly(2020, 8, 20));
        Assert.Equal(ImportProblemKind.DateTooEarly, AsOfDate.Parse("0001-01-01", range).Problem!.Kind);
        Assert.Equal(ImportProblemKind.FutureDate, AsOfDate.Parse("9999-12-31", range).Problem!.Kind);
        Assert.Equal(new DateOnly(2020, 8, 18), AsOfDate.Parse("18/8/2020", range).Date);
    }

    [Fact]
    public void The_pace_window_is_safe_at_the_start_of_the_calendar() =>
        Assert.Null(Record.Exception(() => PaceWindow.Ending([DateOnly.MinValue, new DateOnly(1, 1, 3)], new DateOnly(1, 1, 3))));
}
