using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Infrastructure;

/// <summary><c>Dates:Earliest</c> (ISO, default 2020-01-01) and <c>Dates:DaysAhead</c> (default 1): the range of dates any input may name.</summary>
public sealed class DateInputOptions
{
    public string Earliest { get; set; } = "2020-01-01";

    public int DaysAhead { get; set; } = 1;
}

/// <summary>Why a date typed in a URL or a form was refused.</summary>
public enum DateInputProblem
{
    Malformed,
    OutOfRange,
}

/// <summary>
/// The one place a date from a query string, a route or a form is parsed and checked against
/// <see cref="AcceptedDates"/> (the intake's as-of date uses the same range through <see cref="Accepted"/>).
/// </summary>
public sealed class DateInput(TimeProvider clock, IOptions<DateInputOptions> options, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The accepted range today (Vietnam time).</summary>
    public AcceptedDates Accepted
    {
        get
        {
            var earliest = VietnameseFormat.TryParseIsoDate(options.Value.Earliest, out var e) ? e : AcceptedDates.DefaultEarliest;
            return AcceptedDates.Until(VietnamTime.Today(clock), earliest, Math.Clamp(options.Value.DaysAhead, 0, 3660));
        }
    }

    /// <summary>
    /// A date typed the Vietnamese way (17/8/2020) or sent by a picker (2020-08-17), within <see cref="Accepted"/>,
    /// or the problem with it (<see cref="VietnameseFormat.TryParseDate"/>: never month-first).
    /// </summary>
    public (DateOnly? Date, DateInputProblem? Problem) Parse(string? text)
    {
        if (!VietnameseFormat.TryParseDate(text, out var date))
        {
            return (null, DateInputProblem.Malformed);
        }

        return Accepted.Contains(date) ? (date, null) : (null, DateInputProblem.OutOfRange);
    }

    /// <summary>
    /// The accepted range for a deadline: from the earliest accepted date to ten years ahead (a target's deadline
    /// lies in the future, but not in another century).
    /// </summary>
    public AcceptedDates Deadlines => AcceptedDates.Until(VietnamTime.Today(clock), Accepted.Earliest, DeadlineDaysAhead);

    /// <summary>How far ahead a deadline may be: ten years.</summary>
    public const int DeadlineDaysAhead = 3653;

    /// <summary>The sentence for a date already bound (a form field) outside <paramref name="range"/> (default <see cref="Accepted"/>), or null when inside.</summary>
    public string? OutOfRange(DateOnly date, AcceptedDates? range = null)
    {
        var within = range ?? Accepted;
        return within.Contains(date) ? null : Message(DateInputProblem.OutOfRange, UiFormat.Date(date), within);
    }

    /// <summary>The sentence for a refused date, in the UI language.</summary>
    public string Message(DateInputProblem problem, string? text) => Message(problem, text, Accepted);

    private string Message(DateInputProblem problem, string? text, AcceptedDates range)
    {
        return problem == DateInputProblem.Malformed
            ? DateTexts.NoSuchDay(localizer, text) ?? localizer["Ngày \"{0}\" không đúng định dạng ngày/tháng/năm (ví dụ 17/8/2020).", text ?? string.Empty]
            : localizer["Ngày \"{0}\" nằm ngoài khoảng cho phép (từ {1} đến {2}).", text ?? string.Empty, UiFormat.Date(range.Earliest), UiFormat.Date(range.Latest)];
    }
}
