using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// The sign-in form does not tell which user names exist: one message for an unknown name, a disabled
/// or locked account and a wrong password — unless the password was right — and exactly one password
/// hash verified in every case, so that the time does not tell either (issue #15, point 5; the timing
/// itself is measured by bench/signin/run.sh, not asserted here).
/// </summary>
public sealed class SignInEnumerationTests(SignInEnumerationTests.CountingFactory factory) : IClassFixture<SignInEnumerationTests.CountingFactory>
{
    private const string Generic = "Tên đăng nhập hoặc mật khẩu không đúng.";

    /// <summary>The app with its password hasher counted.</summary>
    public sealed class CountingFactory : BluezoneAppFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
        }
    }

    /// <summary>Identity's hasher, counting verifications.</summary>
    public sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private async Task PrepareAsync()
    {
        await factory.EnsureUserAsync("dn-dung", Roles.Viewer, SignedInClients.Password);
        await factory.EnsureUserAsync("dn-tat", Roles.Viewer, SignedInClients.Password);
        await factory.EnsureUserAsync("dn-khoa", Roles.Viewer, SignedInClients.Password);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var disabled = (await users.FindByNameAsync("dn-tat"))!;
        disabled.IsDisabled = true;
        await users.UpdateAsync(disabled);
        await users.SetLockoutEndDateAsync((await users.FindByNameAsync("dn-khoa"))!, DateTimeOffset.UtcNow.AddMinutes(15));
    }

    private async Task<(string Message, int Hashes)> TryAsync(string userName, string password)
    {
        var client = factory.AnonymousClient();
        var before = factory.Hasher.Verifications;
        var page = await Html.ParseAsync(await client.TrySignInAsync(userName, password));
        return (page.QuerySelector("[data-testid=problem]")?.Text().Trim() ?? string.Empty, factory.Hasher.Verifications - before);
    }

    [Fact]
    public async Task Unknown_disabled_locked_and_wrong_password_read_the_same_and_cost_one_hash_each()
    {
        await PrepareAsync();
        foreach (var (user, password) in new[]
        {
            ("khong-ton-tai", "Sai-mat@khau1"),
            ("dn-tat", "Sai-mat@khau1"),
            ("dn-khoa", "Sai-mat@khau1"),
            ("dn-dung", "Sai-mat@khau1"),
        })
        {
            var (message, hashes) = await TryAsync(user, password);
            Assert.Equal(Generic, message);
            Assert.Equal(1, hashes);
        }
    }

    [Fact]
    public async Task Only_the_right_password_learns_that_the_account_is_disabled_or_locked()
    {
        await PrepareAsync();
        var (disabled, disabledHashes) = await TryAsync("dn-tat", SignedInClients.Password);
        var (locked, lockedHashes) = await TryAsync("dn-khoa", SignedInClients.Password);

        Assert.Contains("vô hiệu hoá", disabled, StringComparison.Ordinal);
        Assert.Contains("tạm bị khoá", locked, StringComparison.Ordinal);
        Assert.Equal(1, disabledHashes);
        Assert.Equal(1, lockedHashes);
    }

    [Fact]
    public async Task The_fifth_wrong_password_that_locks_the_account_reads_like_any_other()
    {
        await factory.EnsureUserAsync("dn-nam-lan", Roles.Viewer, SignedInClients.Password);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(Generic, (await TryAsync("dn-nam-lan", "Sai-mat@khau1")).Message);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("dn-nam-lan"))!));
    }
}
