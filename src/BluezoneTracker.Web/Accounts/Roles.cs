namespace BluezoneTracker.Web.Accounts;

/// <summary>
/// The four roles, each including what the one before it may do: Viewer (read), Staff (plus
/// entering counts), Director (plus sign-off), Admin (plus areas, targets, settings, users).
/// A user holds exactly one role.
/// </summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Staff = "Staff";
    public const string Director = "Director";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Staff, Director, Admin];

    /// <summary>The roles that may do what <paramref name="role"/> may do.</summary>
    public static string[] AtLeast(string role)
    {
        var index = IndexOf(role);
        return [.. All.Skip(index)];
    }

    public static bool Includes(string held, string needed) => IndexOf(held) >= IndexOf(needed);

    /// <summary>The role's name as the UI shows it (Vietnamese; a resource key for English), or null for an unknown role.</summary>
    public static string? Label(string? role) => role switch
    {
        Viewer => "Người xem",
        Staff => "Cán bộ nhập liệu",
        Director => "Lãnh đạo duyệt",
        Admin => "Quản trị viên",
        _ => null,
    };

    /// <summary>The highest role <paramref name="isInRole"/> holds (a user holds one), or null.</summary>
    public static string? HighestOf(Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        return All.LastOrDefault(isInRole);
    }

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    private static int IndexOf(string role)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], role, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role.");
    }
}

/// <summary>Authorization policy names; each requires the role of the same name or a higher one.</summary>
public static class Policies
{
    public const string Viewer = Roles.Viewer;
    public const string Staff = Roles.Staff;
    public const string Director = Roles.Director;
    public const string Admin = Roles.Admin;

    /// <summary>The dashboard and annex: a Viewer, or anyone when <c>Access:PublicDashboard</c> is on.</summary>
    public const string Reader = "Reader";
}

/// <summary>Settings of the <c>Access</c> section.</summary>
public sealed class AccessOptions
{
    /// <summary>Opens the dashboard and the annex of signed-off dates to anonymous readers.</summary>
    public bool PublicDashboard { get; set; }
}
