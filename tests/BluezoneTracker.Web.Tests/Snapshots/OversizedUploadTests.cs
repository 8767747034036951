using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// An upload far over the limit is refused without the framework reading it as a form (which buffers the file part
/// to disk): the file part is counted as it streams by, nothing kept (decision 161).
/// </summary>
public sealed class OversizedUploadTests : IDisposable
{
    private readonly FormWatchingFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_page_upload_far_over_the_limit_is_refused_with_the_files_size_and_never_read_as_a_form()
    {
        var client = await _factory.ClientForAsync(Roles.Staff);
        var before = await IntakeClient.StoreFingerprintAsync(_factory);
        _factory.Posts.Clear();

        var (response, page) = await IntakeClient.PreviewAsync(client, "2020-08-18", "big.csv", new byte[300_000]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tệp nặng 300.000 byte, vượt giới hạn 1.000 byte.", page.QuerySelector("[data-testid=problems] li")!.Text().Trim());
        var post = Assert.Single(_factory.Posts);
        Assert.False(post.FormRead, "the upload was read as a form (buffered) before it was refused");
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(_factory));
    }

    [Fact]
    public async Task An_api_multipart_upload_far_over_the_limit_gets_the_same_message_and_is_never_read_as_a_form()
    {
        var client = await _factory.ApiClientAsync(Roles.Staff);
        _factory.Posts.Clear();
        using var form = new MultipartFormDataContent { { new StringContent("Gửi lại"), "reason" }, { new ByteArrayContent(new byte[300_000]), "file", "big.csv" } };

        var response = await client.PostAsync(new Uri("/api/snapshots/2020-08-18", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Tệp nặng 300.000 byte, vượt giới hạn 1.000 byte.", json.RootElement.GetProperty("problems")[0].GetProperty("message").GetString());
        Assert.False(Assert.Single(_factory.Posts).FormRead);
    }

    /// <summary>Broken multipart bodies over the limit: refused with the limit (the file's size cannot be told), never a 500.</summary>
    [Theory]
    [InlineData("cut")]
    [InlineData("no-boundary-parameter")]
    [InlineData("wrong-boundary")]
    [InlineData("no-file-part")]
    [InlineData("endless-header")]
    public async Task A_broken_multipart_body_over_the_limit_is_refused_with_the_limit_on_the_page_and_in_the_api(string broken)
    {
        const string limitOnly = "Dữ liệu gửi lên lớn hơn giới hạn 1.000 byte của một tệp.";
        var pageClient = await _factory.ClientForAsync(Roles.Staff);
        var upload = await Html.ParseAsync(await pageClient.GetAsync(new Uri("/snapshots/upload", UriKind.Relative)));
        var token = upload.QuerySelector("[data-testid=upload-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var pageResponse = await pageClient.PostAsync(new Uri("/snapshots/upload?handler=Preview", UriKind.Relative), Broken(broken, token));
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Equal(limitOnly, (await Html.ParseAsync(pageResponse)).QuerySelector("[data-testid=problems] li")!.Text().Trim());

        var apiResponse = await (await _factory.ApiClientAsync(Roles.Staff)).PostAsync(new Uri("/api/snapshots/2020-08-18", UriKind.Relative), Broken(broken, token));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, apiResponse.StatusCode);
        using var json = JsonDocument.Parse(await apiResponse.Content.ReadAsStringAsync());
        Assert.Equal(limitOnly, json.RootElement.GetProperty("problems")[0].GetProperty("message").GetString());
    }

    private static ByteArrayContent Broken(string kind, string token)
    {
        const string boundary = "----bz-test-boundary";
        var fields = $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"Date\"\r\n\r\n2020-08-18\r\n";
        var filePart = $"--{boundary}\r\nContent-Disposition: form-data; name=\"Upload\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n";
        var bytes = kind switch
        {
            // The file part never ends: no closing boundary.
            "cut" => Encoding.ASCII.GetBytes(fields + filePart).Concat(new byte[300_000]).ToArray(),
            "no-file-part" => Encoding.ASCII.GetBytes(fields + $"--{boundary}\r\nContent-Disposition: form-data; name=\"Reason\"\r\n\r\n{new string('x', 300_000)}\r\n--{boundary}--\r\n"),
            "endless-header" => Encoding.ASCII.GetBytes(fields + $"--{boundary}\r\nContent-Disposition: form-data; name=\"Upload\"; filename=\"{new string('a', 300_000)}\"\r\n\r\nx\r\n--{boundary}--\r\n"),
            _ => Encoding.ASCII.GetBytes(fields + filePart).Concat(new byte[300_000]).Concat(Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n")).ToArray(),
        };
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", kind switch
        {
            "no-boundary-parameter" => "multipart/form-data",
            "wrong-boundary" => "multipart/form-data; boundary=something-else",
            _ => $"multipart/form-data; boundary={boundary}",
        });
        return content;
    }

    /// <summary>The app with a 1 000-byte limit, recording for every POST whether its body was read as a form.</summary>
    private sealed class FormWatchingFactory : BluezoneAppFactory
    {
        public ConcurrentQueue<(string Path, bool FormRead)> Posts { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Import:MaxFileBytes"] = "1000" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Watch(Posts)));
        }

        private sealed class Watch(ConcurrentQueue<(string Path, bool FormRead)> posts) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, nextMiddleware) =>
                {
                    await nextMiddleware(context);
                    if (HttpMethods.IsPost(context.Request.Method))
                    {
                        // Read as a form = the framework parsed (and buffered) it: IFormFeature then holds the form.
                        posts.Enqueue((context.Request.Path, context.Features.Get<IFormFeature>()?.Form is not null));
                    }
                });
                next(app);
            };
        }
    }
}
