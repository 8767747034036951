namespace BluezoneTracker.Web.Pages.Shared;

/// <summary>
/// What the shared partials (<c>_AreaHistory</c>, <c>_ReportingStatus</c>) need from a page that pages its long
/// lists (the dashboard, docs/decisions/081): the page is found in <c>ViewData[ViewDataKey]</c>; without it a
/// partial lists every row. Declared here so that the shared partials do not depend on one page's model.
/// </summary>
public interface ILongListPage
{
    /// <summary>The <c>ViewData</c> key under which a page that pages its lists puts itself.</summary>
    const string ViewDataKey = "LongListPage";

    /// <summary>How many dates a history or a date list shows before it is summarised (the latest 60 days).</summary>
    const int DateListLimit = 60;

    /// <summary>True when the reader asked for every day (<c>?days=all</c>).</summary>
    bool EveryDay { get; }

    /// <summary>The link to the same page listing every day.</summary>
    string AllDaysUrl();

    /// <summary>The rows of the page the reader is on (50 a page), in their order.</summary>
    IEnumerable<T> PageOf<T>(IReadOnlyList<T> rows);
}
