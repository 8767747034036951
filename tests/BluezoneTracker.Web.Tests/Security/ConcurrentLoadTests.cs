using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// Standing check (issue #15, point 10): readers and uploaders at once for 15 seconds. No request
/// fails, and every upload answered 201 is stored exactly once with the revision number it was given.
/// The longer run is bench/standing/run.sh.
/// </summary>
public sealed class ConcurrentLoadTests(BluezoneAppFactory factory, ITestOutputHelper output) : IClassFixture<BluezoneAppFactory>
{
    // 15 s, 6 readers, 2 uploaders in the suite; bench/standing/run.sh sets the longer run.
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(CrashTests.Setting("BLUEZONE_LOAD_SECONDS", 15));
    private static readonly int Readers = CrashTests.Setting("BLUEZONE_LOAD_READERS", 6);
    private static readonly int Uploaders = CrashTests.Setting("BLUEZONE_LOAD_UPLOADERS", 2);

    [Fact]
    public async Task Readers_and_uploaders_together_get_no_errors_and_every_201_is_stored_once()
    {
        var readers = new List<HttpClient>();
        for (var i = 0; i < Readers; i++)
        {
            readers.Add(await factory.ClientForAsync(Roles.Viewer));
        }

        var uploaders = new List<HttpClient>();
        for (var i = 0; i < Uploaders; i++)
        {
            uploaders.Add(await factory.ApiClientAsync(Roles.Staff));
        }

        var errors = new ConcurrentBag<string>();
        var created = new ConcurrentBag<(string Date, int Revision)>();
        var reads = 0;
        using var stop = new CancellationTokenSource(Duration);
        var csv = IntakeClient.Corpus("names-utf8-semicolon-dotted.csv");
        var watch = Stopwatch.StartNew();

        var readTasks = readers.Select((client, n) => Task.Run(async () =>
        {
            string[] urls = ["/", "/annex", "/api/annex", "/annex.csv"];
            for (var i = n; !stop.IsCancellationRequested; i++)
            {
                var response = await client.GetAsync(new Uri(urls[i % urls.Length], UriKind.Relative));
                Interlocked.Increment(ref reads);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    errors.Add($"GET {urls[i % urls.Length]}: {(int)response.StatusCode}");
                }
            }
        }));
        var uploadTasks = uploaders.Select((client, n) => Task.Run(async () =>
        {
            // Each uploader its own dates (interleaved), one new date per upload.
            for (var k = 0; !stop.IsCancellationRequested; k++)
            {
                var date = new DateOnly(2021, 1, 1).AddDays((k * Uploaders) + n).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                using var body = new ByteArrayContent(csv);
                body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
                var response = await client.PostAsync(new Uri($"/api/snapshots/{date}", UriKind.Relative), body);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    errors.Add($"POST {date}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                created.Add((json.RootElement.GetProperty("date").GetString()!, json.RootElement.GetProperty("revision").GetInt32()));
            }
        }));
        await Task.WhenAll([.. readTasks, .. uploadTasks]);

        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: {reads} reads, {created.Count} uploads created, {errors.Count} errors");
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors.Take(20)));
        Assert.NotEmpty(created);
        Assert.True(reads > created.Count);

        var stored = await factory.QueryAsync(db => db.SnapshotRevisions.AsNoTracking()
            .Where(r => r.Date >= new DateOnly(2021, 1, 1))
            .Select(r => new { r.Date, r.Number })
            .ToListAsync());
        Assert.Equal(
            created.Select(c => $"{c.Date} #{c.Revision}").Order(StringComparer.Ordinal),
            stored.Select(s => $"{s.Date:yyyy-MM-dd} #{s.Number}").Order(StringComparer.Ordinal));
    }
}
