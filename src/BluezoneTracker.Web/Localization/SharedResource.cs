namespace BluezoneTracker.Web.Localization;

/// <summary>
/// Marker for the shared UI strings. Keys are the Vietnamese text itself (the default culture);
/// Resources/Localization.SharedResource.en.resx holds the English.
/// </summary>
public sealed class SharedResource;
