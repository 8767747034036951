using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>Accounts in a store the <c>import</c> verb runs against (no web app, so no Identity services).</summary>
public static class CliAccounts
{
    /// <summary>Migrates the SQLite file and makes sure an account with that role exists (enabled unless told otherwise).</summary>
    public static async Task EnsureAsync(string databasePath, string userName, string role, bool disabled = false)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={databasePath}").Options;
        await using var db = new AppDbContext(options);
        await db.Database.MigrateAsync();
        var roleRow = await db.Roles.FirstOrDefaultAsync(r => r.Name == role);
        if (roleRow is null)
        {
            roleRow = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(roleRow);
        }

        var normalized = userName.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized))
        {
            await db.SaveChangesAsync();
            return;
        }

        var user = new AppUser { UserName = userName, NormalizedUserName = normalized, DisplayName = userName, IsDisabled = disabled };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleRow.Id });
        await db.SaveChangesAsync();
    }

    /// <summary>The staff account the import tests run as.</summary>
    public const string Staff = "may-nhap";

    public static Task EnsureStaffAsync(string databasePath) => EnsureAsync(databasePath, Staff, Roles.Staff);
}
