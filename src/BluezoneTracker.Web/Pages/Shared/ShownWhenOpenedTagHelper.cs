using System.Text.Encodings.Web;
using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Pages.Shared;

/// <summary>
/// <c>&lt;shown-when-opened anchor="…"&gt;…&lt;/shown-when-opened&gt;</c>, the content of a closed <c>&lt;details&gt;</c>
/// after its summary: written inside <c>&lt;noscript class="when-opened"&gt;</c>. A browser running script reads a
/// <c>noscript</c> as one run of text, so a closed table costs it no elements, no parsing into the document and no
/// style; site.js puts the same markup in place when the reader opens the details. Without script the browser builds
/// the content as usual, so it is there to open as before. On the 700 × 730 dashboard the closed tables were 3 786 of
/// the page's 4 588 elements (decision 151). The element itself is not written.
/// If site.js did not run (it failed to arrive), an opened details would be empty: a link after the <c>noscript</c>,
/// shown by the CSS only in that case, reloads the page with <c>?tables=html</c>, for which the content is written as
/// ordinary markup, and with the anchor as the fragment, which opens that details (decision 172).
/// </summary>
[HtmlTargetElement("shown-when-opened")]
public sealed class ShownWhenOpenedTagHelper(IStringLocalizer<SharedResource> localizer, HtmlEncoder encoder) : TagHelper
{
    /// <summary>The class site.js looks for: <c>details &gt; noscript.when-opened</c>.</summary>
    public const string NoscriptClass = "when-opened";

    /// <summary>The class of the link shown when site.js did not build an opened table (site.css, no-js.css, site.js).</summary>
    public const string FallbackClass = "when-opened-fallback";

    /// <summary>The query parameter, and its value, for which closed tables are sent as markup (no script needed).</summary>
    public const string Parameter = "tables";

    /// <inheritdoc cref="Parameter"/>
    public const string AsMarkup = "html";

    /// <summary>The details is sent open (e.g. an area's own history): then the content is written as it is.</summary>
    public bool Open { get; set; }

    /// <summary>An id, unique on the page, for the fallback link's fragment: written first in the content when sent as markup.</summary>
    public string Anchor { get; set; } = string.Empty;

    /// <summary>The view being rendered (for the request's address).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    /// <summary>Whether <paramref name="request"/> asks for closed tables as markup (<c>?tables=html</c>).</summary>
    public static bool WantsMarkup(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query[Parameter] == AsMarkup;
    }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var content = (await output.GetChildContentAsync()).GetContent();
        var request = ViewContext?.HttpContext.Request;
        if (Open || request is null)
        {
            output.Content.SetHtmlContent(content);
        }
        else if (WantsMarkup(request))
        {
            output.Content.SetHtmlContent(Anchor.Length == 0 ? content : $"<span id=\"{encoder.Encode(Anchor)}\"></span>{content}");
        }
        else
        {
            var deferred = Deferred(content);
            output.Content.SetHtmlContent(ReferenceEquals(deferred, content) ? content : deferred + Fallback(request));
        }
    }

    /// <summary>
    /// <paramref name="html"/> inside <c>&lt;noscript class="when-opened"&gt;</c>; as it is if it holds a
    /// <c>&lt;/noscript</c> of its own, which would end the wrapper early.
    /// </summary>
    /// <param name="html">Markup as the view wrote it.</param>
    /// <returns>The markup to send.</returns>
    public static string Deferred(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.Contains("</noscript", StringComparison.OrdinalIgnoreCase)
            ? html
            : $"<noscript class=\"{NoscriptClass}\">{html}</noscript>";
    }

    /// <summary>The link to this page with <c>tables=html</c> and the other parameters as they were, to the anchor.</summary>
    private string Fallback(HttpRequest request)
    {
        var query = new QueryBuilder(request.Query
            .Where(p => !string.Equals(p.Key, Parameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? string.Empty))))
        {
            { Parameter, AsMarkup },
        };
        var href = request.PathBase + request.Path + query.ToQueryString() + (Anchor.Length == 0 ? string.Empty : "#" + Uri.EscapeDataString(Anchor));
        return $"<p class=\"{FallbackClass}\"><a href=\"{encoder.Encode(href)}\">{encoder.Encode(localizer["Bảng không hiện? Mở trang có sẵn bảng"])}</a></p>";
    }
}
