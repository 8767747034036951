using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BluezoneTracker.Web.Pages.Shared;

/// <summary>
/// <c>&lt;shown-when-opened&gt;…&lt;/shown-when-opened&gt;</c>, the content of a closed <c>&lt;details&gt;</c> after its
/// summary: written inside <c>&lt;noscript class="when-opened"&gt;</c>. A browser running script reads a
/// <c>noscript</c> as one run of text, so a closed table costs it no elements, no parsing into the document and no
/// style; site.js puts the same markup in place when the reader opens the details. Without script the browser builds
/// the content as usual, so it is there to open as before. On the 700 × 730 dashboard the closed tables were 3 786 of
/// the page's 4 588 elements (decision 151). The element itself is not written.
/// </summary>
[HtmlTargetElement("shown-when-opened")]
public sealed class ShownWhenOpenedTagHelper : TagHelper
{
    /// <summary>The class site.js looks for: <c>details &gt; noscript.when-opened</c>.</summary>
    public const string NoscriptClass = "when-opened";

    /// <summary>The details is sent open (e.g. an area's own history): then the content is written as it is.</summary>
    public bool Open { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var content = (await output.GetChildContentAsync()).GetContent();
        output.Content.SetHtmlContent(Open ? content : Deferred(content));
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
}
