namespace BluezoneTracker.Web.Pages.Shared;

/// <summary>
/// What an administrator's save reports after its redirect back to the same page ("Đã lưu …"): a page
/// puts the sentence in TempData under <see cref="Key"/>, the layout shows it once, above the page.
/// </summary>
public static class SavedMessage
{
    public const string Key = "BluezoneTracker.Saved";
}
