using Microsoft.AspNetCore.Identity;

namespace BluezoneTracker.Web.Data.Entities;

/// <summary>A person who signs in. The role (Viewer, Staff, Director, Admin) is an Identity role.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A disabled account cannot sign in and its API tokens stop working; nothing is deleted.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>
    /// The area the account works in (as DHIS2 assigns users to organisation units): it reads that area's
    /// subtree and acts there by role. Null only for an account made before any area existed; it then works
    /// in the deployment area. Accounts that existed before #11 were given the top area.
    /// </summary>
    public int? AreaId { get; set; }

    public AreaEntity? Area { get; set; }
}
