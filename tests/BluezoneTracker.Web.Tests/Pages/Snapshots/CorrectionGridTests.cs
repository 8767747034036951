using System.Net;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Tests.Pages.Snapshots;

/// <summary>Corrections through the grid keep what they do not touch; removing a count is its own confirmed action.</summary>
public sealed class CorrectionGridTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<Dictionary<string, long>> CurrentCountsAsync(DateOnly date) => await _factory.QueryAsync(async db =>
    {
        var id = await db.SnapshotRevisions.Where(r => r.Date == date).OrderByDescending(r => r.Number).Select(r => r.Id).FirstAsync();
        return await db.SnapshotCounts.Where(c => c.RevisionId == id).Select(c => new { c.Area!.Code, c.Registrations }).ToDictionaryAsync(c => c.Code, c => c.Registrations);
    });

    private static async Task<(IHtmlFormElement Form, AngleSharp.Dom.IDocument Page)> OpenAsync(HttpClient client, string date)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/snapshots/new?date={date}", UriKind.Relative)));
        return ((IHtmlFormElement)page.QuerySelector("[data-testid=grid]")!, page);
    }

    [Fact]
    public async Task The_grid_of_a_date_with_counts_is_prefilled_and_its_reference_is_the_previous_date()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var (form, page) = await OpenAsync(client, "2020-08-17");
        Assert.Equal("21.106", ((IHtmlInputElement)form.QuerySelector("input[name='Counts[116]']")!).Value);
        Assert.Equal("27", ((IHtmlInputElement)form.QuerySelector("input[name=Unassigned]")!).Value);
        Assert.Equal("Ngày 12/8/2020", page.QuerySelector("[data-testid=reference-header]")!.Text());
        Assert.Equal("17.082", page.QuerySelector("[data-testid=grid] tr[data-code='116'] td")!.Text());
    }

    [Fact]
    public async Task Correcting_one_district_keeps_the_other_eleven()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var before = await CurrentCountsAsync(new DateOnly(2020, 8, 17));
        var (form, _) = await OpenAsync(client, "2020-08-17");
        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Counts[116]"] = "21.206", ["Reason"] = "Thành phố gửi lại" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/snapshots/2020-08-17", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        var after = await CurrentCountsAsync(new DateOnly(2020, 8, 17));
        Assert.Equal(12, after.Count);
        Assert.Equal(21_206, after["116"]);
        Assert.Equal(before.Where(c => c.Key != "116"), after.Where(c => c.Key != "116"));
    }

    [Fact]
    public async Task A_blank_box_is_an_error_not_a_removal_and_nothing_is_saved()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var fingerprint = await IntakeClient.StoreFingerprintAsync(_factory);
        var (form, _) = await OpenAsync(client, "2020-08-17");
        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Counts[123]"] = string.Empty, ["Reason"] = "sửa" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Huyện Mộc Châu: ô để trống nhưng ngày này đã có số liệu của huyện", page.QuerySelector("[data-testid=problems]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(fingerprint, await IntakeClient.StoreFingerprintAsync(_factory));
    }

    [Fact]
    public async Task Removing_a_district_needs_its_own_confirmation()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var fingerprint = await IntakeClient.StoreFingerprintAsync(_factory);
        var (form, _) = await OpenAsync(client, "2020-08-17");
        ((IHtmlInputElement)form.QuerySelector("#remove-123")!).IsChecked = true;
        var asked = await Html.ParseAsync(await client.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = "Mộc Châu gửi nhầm" }));
        Assert.Contains("Huyện Mộc Châu", asked.QuerySelector("[data-testid=removal-confirmation]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(fingerprint, await IntakeClient.StoreFingerprintAsync(_factory));

        var confirmForm = (IHtmlFormElement)asked.QuerySelector("[data-testid=grid]")!;
        ((IHtmlInputElement)confirmForm.QuerySelector("input[name=ConfirmRemoval][type=checkbox]")!).IsChecked = true;
        var warning = confirmForm.QuerySelector("input[name=ConfirmWarnings][type=checkbox]") as IHtmlInputElement;
        warning?.IsChecked = true;
        var saved = await client.SubmitAsync(confirmForm);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await CurrentCountsAsync(new DateOnly(2020, 8, 17));
        Assert.Equal(11, after.Count);
        Assert.DoesNotContain("123", after.Keys);
    }
}
