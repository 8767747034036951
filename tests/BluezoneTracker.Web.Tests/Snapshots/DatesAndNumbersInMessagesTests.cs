using System.Globalization;
using System.Net;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Snapshots;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// Round 9's fresh-user trial: "Không có bản sửa đổi 2020-08-18 #99" wrote an ISO date in a Vietnamese sentence. Every
/// problem that carries a date says it d/M/yyyy, and every size or limit in the Vietnamese number format.
/// </summary>
public sealed class DatesAndNumbersInMessagesTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static ImportMessages Texts() => new(new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private static string InVietnamese(ImportProblem problem)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousCulture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
        try
        {
            return Texts().Problem(problem);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousCulture;
        }
    }

    [Fact]
    public async Task Restoring_a_revision_that_does_not_exist_names_the_date_the_Vietnamese_way()
    {
        await _factory.AddRevisionAsync(new DateOnly(2020, 8, 17));
        var client = await _factory.ClientForAsync(Roles.Staff);
        var history = await Html.ParseAsync(await client.GetAsync(new Uri("/snapshots/2020-08-17", UriKind.Relative)));

        var refused = await IntakeClient.PostFormAsync(client, history, "[data-testid=restore-form]", "/snapshots/2020-08-17?handler=Restore",
            new Dictionary<string, string> { ["number"] = "99", ["reason"] = "thử" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Ngày 17/8/2020 không có bản sửa đổi #99.", (await Html.ParseAsync(refused)).QuerySelector("[data-testid=problems] li")!.Text().Trim());
    }

    [Theory]
    [InlineData(ImportProblemKind.UnknownRevision, "2020-08-18", "99", "18/8/2020")]
    [InlineData(ImportProblemKind.NoSheetForDate, "2020-08-18", "17-8", "18/8/2020")]
    [InlineData(ImportProblemKind.FutureDate, "2020-08-18", null, "18/8/2020")]
    [InlineData(ImportProblemKind.DateTooEarly, "2020-08-18", "2020-09-01", "18/8/2020")]
    public void A_date_carried_by_a_problem_is_written_d_M_yyyy(ImportProblemKind kind, string value, string? other, string written)
    {
        var sentence = InVietnamese(new ImportProblem(kind, Value: value, Other: other));

        Assert.Contains(written, sentence, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", sentence);
    }

    [Theory]
    [InlineData(ImportProblemKind.TextTooLong, "Huyện", "1000", "1.000")]
    [InlineData(ImportProblemKind.FileTooLarge, "6291456", "5242880", "5.242.880")]
    [InlineData(ImportProblemKind.ReasonTooLong, "1200", "1000", "1.000")]
    public void A_limit_carried_by_a_problem_is_written_with_Vietnamese_thousands(ImportProblemKind kind, string value, string other, string written)
    {
        Assert.Contains(written, InVietnamese(new ImportProblem(kind, Value: value, Other: other)), StringComparison.Ordinal);
    }
}
