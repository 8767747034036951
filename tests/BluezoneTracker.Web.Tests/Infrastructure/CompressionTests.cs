using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BluezoneTracker.Web.Tests.Infrastructure;

public sealed class CompressionTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Theory]
    [InlineData("http://localhost", "/css/site.css", true)]
    [InlineData("https://localhost", "/css/site.css", true)]
    [InlineData("https://localhost", "/lib/bootstrap/dist/css/bootstrap.min.css", true)]
    [InlineData("http://localhost", "/account/signin", true)]
    // Pages carry an anti-forgery token beside reflected input: over HTTPS they go uncompressed (BREACH).
    [InlineData("https://localhost", "/account/signin", false)]
    public async Task Responses_are_compressed_unless_that_would_expose_secrets(string origin, string path, bool compressed)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(origin) });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(compressed, response.Content.Headers.ContentEncoding.Count > 0);
    }
}
