using System.Net;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;

namespace BluezoneTracker.Web.Tests.Pages.Snapshots;

public sealed class EntryGridTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_grid_shows_each_district_with_its_last_known_count()
    {
        var page = await Html.ParseAsync(await (await _factory.ClientForAsync(Roles.Staff)).GetAsync(new Uri("/snapshots/new", UriKind.Relative)));
        var rows = page.QuerySelectorAll("[data-testid=grid] tbody tr[data-code]").ToList();
        Assert.Equal(13, rows.Count);
        Assert.Equal("Thành phố Sơn La 21.106", page.QuerySelector("[data-testid=grid] tr[data-code='116']")!.Text());
        Assert.Equal("Ngày 17/8/2020", page.QuerySelector("[data-testid=reference-header]")!.Text());
        Assert.NotNull(page.QuerySelector("[data-testid=grid] input[name='Counts[116]']"));
        Assert.Equal("84.126", page.QuerySelector("[data-testid=grid] tfoot td")!.Text());
    }

    [Fact]
    public async Task Errors_block_saving_with_their_message()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var before = await IntakeClient.StoreFingerprintAsync(_factory);
        var fields = Grid("2020-08-18", c => c + 50);
        fields["Counts[123]"] = "11.4a6";
        var page = await PostAsync(client, fields);
        Assert.Contains("Huyện Mộc Châu: \"11.4a6\" không phải là số.", page.QuerySelector("[data-testid=problems]")!.Text(), StringComparison.Ordinal);

        fields = Grid("2999-01-01", c => c + 50);
        var future = await PostAsync(client, fields);
        Assert.Contains("Ngày 1/1/2999 chưa đến", future.QuerySelector("[data-testid=problems]")!.Text(), StringComparison.Ordinal);

        fields = Grid("18-08-2020x", c => c + 50);
        var malformed = await PostAsync(client, fields);
        Assert.Contains("Ngày \"18-08-2020x\" không đúng định dạng", malformed.QuerySelector("[data-testid=problems]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));
    }

    [Fact]
    public async Task A_lower_count_is_a_warning_to_confirm_then_it_is_saved()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var fields = Grid("18/8/2020", c => c + 50);
        fields["Counts[123]"] = "11.000";
        var warned = await PostAsync(client, fields);
        Assert.Contains("Huyện Mộc Châu: số đăng ký 11.000 thấp hơn ngày 17/8/2020 (11.346).", warned.QuerySelector("[data-testid=warnings]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(warned.QuerySelector("input[name=ConfirmWarnings]"));

        fields["ConfirmWarnings"] = "true";
        var response = await IntakeClient.PostFormAsync(client, warned, "[data-testid=grid]", "/snapshots/new", fields);
        var history = await Html.ParseAsync(response);
        Assert.Equal("/snapshots/2020-08-18", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Bảng nhập", history.QuerySelector("[data-testid=source]")!.Text());
    }

    private static async Task<AngleSharp.Dom.IDocument> PostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var form = await Html.ParseAsync(await client.GetAsync(new Uri("/snapshots/new", UriKind.Relative)));
        var response = await IntakeClient.PostFormAsync(client, form, "[data-testid=grid]", "/snapshots/new", fields);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private static Dictionary<string, string> Grid(string date, Func<long, long> count)
    {
        var fields = new Dictionary<string, string> { ["Date"] = date, ["Unassigned"] = "30" };
        foreach (var (code, registrations) in SonLa.OnReportDate.Registrations)
        {
            fields[$"Counts[{code}]"] = count(registrations).ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        }

        return fields;
    }
}
