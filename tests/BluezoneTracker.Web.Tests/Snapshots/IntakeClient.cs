using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>Drives the intake pages as a browser would (forms with their anti-forgery token) and reads the store.</summary>
public static class IntakeClient
{
    public static byte[] Corpus(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Import", "Corpus", name));

    /// <summary>Everything a write could touch, so a test can prove that nothing was written.</summary>
    public static async Task<string> StoreFingerprintAsync(BluezoneAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var revisions = await db.SnapshotRevisions.OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.Date}:{r.Number}:{r.Unassigned}").ToListAsync();
        var counts = await db.SnapshotCounts.SumAsync(c => c.Registrations);
        var rows = await db.SnapshotCounts.CountAsync();
        var files = await db.UploadedFiles.CountAsync();
        return $"{string.Join(',', revisions)}|{rows}|{counts}|{files}";
    }

    /// <summary>Uploads a file on /snapshots/upload and returns the preview page.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PreviewAsync(HttpClient client, string date, string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await Html.ParseAsync(await client.GetAsync(new Uri("/snapshots/upload", UriKind.Relative)));
        using var body = new MultipartFormDataContent
        {
            { new StringContent(Token(form, "[data-testid=upload-form]")), "__RequestVerificationToken" },
            { new StringContent(date), "Date" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        body.Add(file, "Upload", fileName);
        var response = await client.PostAsync(new Uri("/snapshots/upload?handler=Preview", UriKind.Relative), body);
        return (response, await Html.ParseAsync(response));
    }

    /// <summary>Submits the confirmation form of a preview page.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, IDocument preview, string? reason = null, bool confirmWarnings = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = (IHtmlFormElement)preview.QuerySelector("[data-testid=confirm-form]")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(preview, "[data-testid=confirm-form]"),
            ["Token"] = ((IHtmlInputElement)form.QuerySelector("input[name=Token]")!).Value,
            ["Reason"] = reason ?? string.Empty,
            ["ConfirmWarnings"] = confirmWarnings ? "true" : "false",
            ["Previewed"] = ((IHtmlInputElement?)form.QuerySelector("input[name=Previewed]"))?.Value ?? string.Empty,
            ["Mode"] = ((IHtmlInputElement?)form.QuerySelector("input[name=Mode]"))?.Value ?? string.Empty,
        };

        // The sheet and column chosen on the page travel with the confirmation.
        foreach (var name in new[] { "Sheet", "Column" })
        {
            if (form.QuerySelector($"input[name={name}]") is IHtmlInputElement chosen && chosen.Value.Length > 0)
            {
                fields[name] = chosen.Value;
            }
        }
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/snapshots/upload?handler=Confirm", UriKind.Relative), content);
    }

    /// <summary>Posts a form of a page with the given fields (the anti-forgery token is taken from the page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, IDocument page, string formSelector, string url, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        fields["__RequestVerificationToken"] = Token(page, formSelector);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private static string Token(IDocument page, string formSelector) =>
        ((IHtmlInputElement)page.QuerySelector(formSelector + " input[name=__RequestVerificationToken]")!).Value;
}
