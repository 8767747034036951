using System.Net;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// When the upload page asks how to read a file, it offers something to choose: the sheet it has (even the only
/// visible one, refused for its name) and the date, so that "Đọc lại với lựa chọn này" can change the answer.
/// </summary>
public sealed class ChoiceFormOffersWhatTheFileHasTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private const string File = "Cases/04-hidden-first-sheet-yesterday.xlsx";

    [Fact]
    public async Task The_only_visible_sheet_named_for_another_date_is_offered_with_the_date()
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var (response, page) = await IntakeClient.PreviewAsync(client, "19/8/2020", "so-lieu.xlsx", IntakeClient.Corpus(File));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var form = page.QuerySelector("[data-testid=choose-form]")!;
        Assert.Equal(["18-8"], form.QuerySelectorAll("[data-testid=choose-sheet] option").Select(o => o.TextContent));
        Assert.Equal("19/8/2020", form.QuerySelector("[data-testid=choose-date]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Changing_the_date_on_the_choice_form_reads_the_file_for_that_date_and_saves_it_for_that_date()
    {
        var client = await factory.ClientForAsync(Roles.Staff);
        var (_, asking) = await IntakeClient.PreviewAsync(client, "19/8/2020", "so-lieu.xlsx", IntakeClient.Corpus(File));
        var token = asking.QuerySelector("[data-testid=choose-form] input[name=Token]")!.GetAttribute("value")!;

        var chosen = await IntakeClient.PostFormAsync(client, asking, "[data-testid=choose-form]", "/snapshots/upload?handler=Preview",
            new Dictionary<string, string> { ["Token"] = token, ["Date"] = "18/8/2020" });
        var preview = await Html.ParseAsync(chosen);

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Contains("18/8/2020", preview.QuerySelector("[data-testid=preview] h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("91.320", preview.QuerySelector("[data-testid=preview-total]")!.TextContent.Trim());
        var saved = await IntakeClient.ConfirmAsync(client, preview, reason: "Ngày 18", confirmWarnings: true);
        Assert.Equal("/snapshots/2020-08-18", saved.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
