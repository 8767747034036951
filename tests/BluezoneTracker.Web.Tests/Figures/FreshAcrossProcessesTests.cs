using System.Diagnostics;
using System.Net;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;

namespace BluezoneTracker.Web.Tests.Figures;

/// <summary>
/// A write by any process on the store — the import verb, a second server — is seen by a running server on
/// its next request, at most one second later: the data version comes from the store (docs/decisions/015).
/// </summary>
public sealed class FreshAcrossProcessesTests : IDisposable
{
    private readonly BluezoneAppFactory _first = new();

    public void Dispose() => _first.Dispose();

    private sealed class SecondServer(string folder) : BluezoneAppFactory(folder, ownsFolder: false);

    /// <summary>Asks until the answer satisfies <paramref name="seen"/> or one second has passed; the last answer.</summary>
    private static async Task<(bool Seen, string Body)> WithinOneSecondAsync(HttpClient client, string url, Func<HttpResponseMessage, string, bool> seen)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (seen(response, body))
            {
                return (true, body);
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(1))
            {
                return (false, body);
            }

            await Task.Delay(50);
        }
    }

    private static long Total(string annexJson)
    {
        using var json = JsonDocument.Parse(annexJson);
        return json.RootElement.GetProperty("total").GetProperty("registrations").GetInt64();
    }

    [Fact]
    public async Task The_import_verb_in_its_own_process_is_seen_by_a_running_server_within_a_second()
    {
        var reader = await _first.ClientForAsync(Roles.Viewer);
        var before = await reader.GetAsync(new Uri("/api/annex?date=2020-08-18", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.DoesNotContain("85.329", await reader.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        await _first.EnsureUserAsync("lich-nhap", Roles.Staff, SignedInClients.Password);

        var file = Path.Combine(_first.Folder, "18-8.xlsx");
        await File.WriteAllBytesAsync(file, IntakeClient.Corpus("template-numbers.xlsx"));
        var (exit, output, error) = await ImportProcess.RunAsync(_first, "--user", "lich-nhap", "--date", "2020-08-18", "--file", file);
        Assert.True(exit == 0, error);
        Assert.Contains("Đã lưu bản #1 của ngày 18/8/2020.", output, StringComparison.Ordinal);

        var (seen, body) = await WithinOneSecondAsync(reader, "/api/annex?date=2020-08-18", (r, _) => r.StatusCode == HttpStatusCode.OK);
        Assert.True(seen, body);
        Assert.Equal(85_329, Total(body));
        var (dashboard, page) = await WithinOneSecondAsync(reader, "/", (_, html) => html.Contains("18/8/2020", StringComparison.Ordinal));
        Assert.True(dashboard, "The dashboard still shows the old latest date.");
        Assert.Contains("85.329", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_servers_on_one_store_see_each_others_writes_within_a_second()
    {
        using var second = new SecondServer(_first.Folder);
        var firstReader = await _first.ClientForAsync(Roles.Viewer);
        var secondReader = await second.ClientForAsync(Roles.Viewer);
        Assert.Equal(84_126, Total(await firstReader.GetStringAsync(new Uri("/api/annex?date=2020-08-17", UriKind.Relative))));
        Assert.Equal(84_126, Total(await secondReader.GetStringAsync(new Uri("/api/annex?date=2020-08-17", UriKind.Relative))));

        // A correction saved through the second server's own intake (its process's caches are the only ones told).
        await second.AddRevisionAsync(new DateOnly(2020, 8, 17), plus: 10);
        var (seenByFirst, body) = await WithinOneSecondAsync(firstReader, "/api/annex?date=2020-08-17", (_, json) => Total(json) != 84_126);
        Assert.True(seenByFirst, body);
        Assert.Equal(84_126 + 120, Total(body));

        await _first.AddRevisionAsync(new DateOnly(2020, 8, 17), plus: 1);
        var (seenBySecond, other) = await WithinOneSecondAsync(secondReader, "/api/annex?date=2020-08-17", (_, json) => Total(json) == 84_126 + 132);
        Assert.True(seenBySecond, other);
    }
}
