using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>Submits HTML forms as a browser would: every named field with its current value, including the anti-forgery token.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = Request(form, values);
        return await client.SendAsync(request);
    }

    /// <summary>Opens <paramref name="url"/>, finds the form by selector and submits it with the given values.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string formSelector, IDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(url, UriKind.Relative)));
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        return await client.SubmitAsync(form, values);
    }

    public static HttpRequestMessage Request(IHtmlFormElement form, IDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values?.ContainsKey(name) == true)
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlButtonElement:
                case IHtmlInputElement { Type: "submit" or "file" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        if (values is not null)
        {
            fields.AddRange(values);
        }

        // A form without an action posts back to its own address, query included.
        var action = form.GetAttribute("action") is { Length: > 0 } written
            ? written
            : new Uri(form.Owner!.Url, UriKind.Absolute).PathAndQuery;
        return new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
    }

    /// <summary>The anti-forgery token of the first form of a page.</summary>
    public static string AntiforgeryToken(this IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no anti-forgery token.");
    }
}
