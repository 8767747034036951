using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Accounts;

/// <summary>
/// The four demo accounts of <c>Seed:Demo</c>, all with a published password. Never created in
/// Production. While any of them can sign in, every page shows a banner saying so. The answer is read
/// from the store and trusted for <see cref="Freshness"/> at most, so that an account disabled through
/// another app instance takes the banner away here too (docs/decisions/070).
/// </summary>
public sealed class DemoAccounts(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long an answer is reused before the store is asked again (the one second promised across instances).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    public const string Password = "Bluezone@2020";

    /// <summary>The demo accounts; a null area is the deployment area. canbo.mocchau is a district's staff (#11).</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? AreaCode)> Accounts =
    [
        ("quantri", "Quản trị hệ thống", Roles.Admin, null),
        ("giamdoc", "Giám đốc Sở", Roles.Director, null),
        ("canbo", "Cán bộ nhập liệu", Roles.Staff, null),
        ("xem", "Người xem", Roles.Viewer, null),
        ("canbo.mocchau", "Cán bộ nhập liệu huyện Mộc Châu", Roles.Staff, "123"),
    ];

    private static readonly string[] Names = [.. Accounts.Select(a => a.UserName.ToUpperInvariant())];

    private int _generation;
    private volatile Known? _known;

    /// <summary>Asked by the layout on every page, so answered from memory until <see cref="Invalidate"/> or for <see cref="Freshness"/>.</summary>
    public async Task<bool> AnyActiveAsync()
    {
        var generation = Volatile.Read(ref _generation);
        var now = clock.GetTimestamp();
        if (_known is { } known && known.Generation == generation && clock.GetElapsedTime(known.ReadAt, now) < Freshness)
        {
            return known.Exists;
        }

        await using var scope = scopes.CreateAsyncScope();
        var exists = await ReadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());

        // Tagged with the generation it was read under: an Invalidate during the query makes it stale at once.
        _known = new Known(generation, exists, now);
        return exists;
    }

    /// <summary>Whether a demo account can sign in, read as the banner's own bookkeeping (<see cref="StoreScalar"/>).</summary>
    private static async Task<bool> ReadAsync(AppDbContext db) =>
        await StoreScalar.ReadAsync(db, $"SELECT COUNT(*) FROM \"AspNetUsers\" WHERE NOT \"IsDisabled\" AND \"NormalizedUserName\" IN ({NameList})") > 0;

    /// <summary>The demo names as SQL literals (constants of this class: letters and dots only).</summary>
    private static readonly string NameList = string.Join(", ", Names.Select(n => $"'{n}'"));

    /// <summary>Called after any change to users.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Known(int Generation, bool Exists, long ReadAt);

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public static async Task EnsureAsync(UserManager<AppUser> users, AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        foreach (var (name, display, role, areaCode) in Accounts)
        {
            if (await users.FindByNameAsync(name) is not null)
            {
                continue;
            }

            // A district account needs its district in the tree; without it, it is not made (never widened to the province).
            var areaId = areaCode is null ? null : await db.Areas.Where(a => a.Code == areaCode).Select(a => (int?)a.Id).FirstOrDefaultAsync();
            if (areaCode is not null && areaId is null)
            {
                continue;
            }

            var user = new AppUser { UserName = name, DisplayName = display, AreaId = areaId };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
        }
    }
}

internal static class AccountSeed
{
    /// <summary>Creates the roles, and the demo accounts when <c>Seed:Demo</c> is on outside Production.</summary>
    public static async Task PrepareAccountsAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await DemoAccounts.EnsureRolesAsync(provider.GetRequiredService<RoleManager<IdentityRole>>());
        var configuration = provider.GetRequiredService<IConfiguration>();
        var environment = provider.GetRequiredService<IWebHostEnvironment>();
        if (Data.DemoSeed.Mode(configuration) == Data.DemoData.None)
        {
            return;
        }

        if (environment.IsProduction())
        {
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountSeed))
                .LogWarning("Seed:Demo is on, but demo accounts are never created in Production. Create the first administrator with `create-admin --user NAME`.");
            return;
        }

        await DemoAccounts.EnsureAsync(provider.GetRequiredService<UserManager<AppUser>>(), provider.GetRequiredService<AppDbContext>());
    }
}
