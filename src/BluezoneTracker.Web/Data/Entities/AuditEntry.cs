namespace BluezoneTracker.Web.Data.Entities;

/// <summary>
/// One change or security event. Rows are only ever inserted: the context refuses to update or
/// delete them, and database triggers refuse it too (StoreProvider.CreateAuditTriggers).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user name, or blank for an anonymous request (e.g. a failed sign-in).</summary>
    public string UserName { get; set; } = string.Empty;

    public string? IpAddress { get; set; }

    public required string Kind { get; set; }

    /// <summary>What was changed: a user name, an area code, a date.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>JSON of the values before the change (null for a creation or an event).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the values after the change.</summary>
    public string? After { get; set; }
}
