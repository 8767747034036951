using BluezoneTracker.Core.Formatting;

namespace BluezoneTracker.Core.Reports;

/// <summary>
/// The dispatch (công văn) an annex is attached to, as the Director issues it: its number (blank while
/// unregistered, as in the real dispatch), its date (any day on or after the as-of date), the place
/// written before that date, and the signer's title and name. Printed in the attachment line, the PDF's
/// header and signer block; stored with a signed annex.
/// </summary>
public sealed record DispatchDetails(string Number, string Code, DateOnly Date, string Place, string SignerTitle, string SignerName)
{
    /// <summary>The details of a draft: the report settings, dated on the as-of date.</summary>
    public static DispatchDetails FromSettings(ReportSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.DocumentNumber.Trim(), settings.DocumentCode, asOf, settings.Place, settings.SignerTitle, settings.SignerName);
    }

    /// <summary>"1002/STTTT-TTBCXB", or "/STTTT-TTBCXB" while unnumbered.</summary>
    public string Reference => ReferenceOf(Number, Code);

    /// <summary>A dispatch's reference from its number (blank while unregistered) and document code.</summary>
    public static string ReferenceOf(string? number, string code) =>
        (string.IsNullOrWhiteSpace(number) ? string.Empty : number.Trim()) + "/" + code;

    /// <summary>"Sơn La, ngày 18 tháng 8 năm 2020".</summary>
    public string PlaceAndDate => $"{Place}, {VietnameseFormat.LongDate(Date)}";

    /// <summary>Why these details cannot be issued with an annex as of <paramref name="asOf"/>, or null.</summary>
    public DispatchProblem? Check(DateOnly asOf) =>
        Date < asOf ? DispatchProblem.DateBeforeAsOf
        : string.IsNullOrWhiteSpace(Place) || string.IsNullOrWhiteSpace(SignerTitle) ? DispatchProblem.Incomplete
        : Number.Length > 20 || Place.Length > 100 || SignerTitle.Length > 100 || SignerName.Length > 100 ? DispatchProblem.TooLong
        : null;
}

/// <summary>What is wrong with dispatch details.</summary>
public enum DispatchProblem
{
    /// <summary>A dispatch cannot carry figures of a later date than its own.</summary>
    DateBeforeAsOf,

    /// <summary>The place or the signer's title is blank.</summary>
    Incomplete,

    /// <summary>A field is longer than any real one (number 20, others 100 characters).</summary>
    TooLong,
}
