using Microsoft.AspNetCore.Identity;

namespace BluezoneTracker.Web.Data.Entities;

/// <summary>A person who signs in. The role (Viewer, Staff, Director, Admin) is an Identity role.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A disabled account cannot sign in and its API tokens stop working; nothing is deleted.</summary>
    public bool IsDisabled { get; set; }
}
