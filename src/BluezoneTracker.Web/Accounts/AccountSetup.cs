using System.Security.Claims;
using System.Threading.RateLimiting;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace BluezoneTracker.Web.Accounts;

/// <summary>Identity, roles, the sign-in-by-default policy, API tokens and rate limits.</summary>
internal static class AccountSetup
{
    public const string SignInPath = "/account/signin";
    private const string SmartScheme = "CookieOrToken";

    public static IServiceCollection AddBluezoneAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.Configure<AccessOptions>(configuration.GetSection("Access"));
        services.AddScoped<ApiTokens>();
        services.AddSingleton<DemoAccounts>();
        services.AddSingleton<SessionChecks>();

        services.AddDataProtection().SetApplicationName("BluezoneTracker").PersistKeysToDbContext<AppDbContext>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<BluezoneUserManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AccountClaims>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.LogoutPath = "/account/signout";
            o.Cookie.Name = "bz.auth";

            // One sign-in for every area: /areas/{code} is a path base, which would otherwise scope the cookie.
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;

            // Sign-out, password change, disable and role change end open sessions at their next request.
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            o.Events.OnRedirectToLogin = context =>
            {
                if (IsApi(context.Request))
                {
                    return Infrastructure.ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized);
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };

            // A signed-in user without the role gets a plain 403 (the error page explains it), not a redirect.
            // The error page names the roles the page is for and the account's own (a fresh user's trial, round 10:
            // Staff on the sign-off page were told only "not allowed", not that a Director signs).
            o.Events.OnRedirectToAccessDenied = context =>
            {
                if (IsApi(context.Request))
                {
                    return Infrastructure.ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden);
                }

                if (RoleRefusal.Say(context.HttpContext) is { } refusal)
                {
                    context.HttpContext.Items[Scope.AreaRouting.RefusalMessageKey] = refusal;
                }

                return SetStatus(context.Response, StatusCodes.Status403Forbidden);
            };
        });

        // After the framework's own post-configuration has made the cookie's ticket format: keep what it opens
        // (docs/decisions/103), so a warm request does not decrypt the same cookie again.
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<TimeProvider>((o, clock) =>
            {
                if (o.TicketDataFormat is not KeptTickets)
                {
                    o.TicketDataFormat = new KeptTickets(o.TicketDataFormat, clock);
                }
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "bz.af";
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthentication.HasBearer(context.Request) ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);

        services.AddSingleton<IAuthorizationHandler, ReaderHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build())
            .AddPolicy(Policies.Viewer, p => p.RequireRole(Roles.AtLeast(Roles.Viewer)))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.AtLeast(Roles.Staff)))
            .AddPolicy(Policies.Director, p => p.RequireRole(Roles.AtLeast(Roles.Director)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.AtLeast(Roles.Admin)))
            .AddPolicy(Policies.Reader, p => p.AddRequirements(new ReaderRequirement()));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
            var apiPerMinute = configuration.GetValue("RateLimits:ApiPerMinute", 120);
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var ip = context.Connection.RemoteIpAddress?.ToString() ?? "local";
                if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("signin:" + ip, _ => Window(signInPerMinute));
                }

                if (IsApi(context.Request))
                {
                    // Runs after authentication: a valid token or cookie counts against its user, anything
                    // else — including every failed bearer attempt — against the client address, so
                    // varying the Authorization header buys no extra tries.
                    var who = context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "user:" + userId : "ip:" + ip;
                    return RateLimitPartition.GetFixedWindowLimiter("api:" + who, _ => Window(apiPerMinute));
                }

                return RateLimitPartition.GetNoLimiter(string.Empty);
            });
            o.OnRejected = (rejected, ct) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return IsApi(rejected.HttpContext.Request)
                    ? new ValueTask(Infrastructure.ApiProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests))
                    : ValueTask.CompletedTask;
            };
        });

        return services;
    }

    /// <summary>Which pages need which role; everything else falls back to "signed in with a role".</summary>
    public static void ApplyAccessConventions(PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AuthorizeFolder("/Admin", Policies.Admin);
        conventions.AuthorizeFolder("/Snapshots", Policies.Staff);
        conventions.AuthorizePage("/Account/Tokens", Policies.Staff);
        conventions.AuthorizePage("/Annex/SignOff", Policies.Director);
        conventions.AuthorizePage("/Dashboard/Index", Policies.Reader);
        conventions.AuthorizePage("/Annex/Index", Policies.Reader);
        conventions.AllowAnonymousToPage("/Account/SignIn");
        conventions.AllowAnonymousToPage("/Culture");
        conventions.AllowAnonymousToPage("/Account/Menu");
    }

    private static bool IsApi(HttpRequest request) => Infrastructure.ApiProblems.IsApi(request);

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    private static Task SetStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

/// <summary>Met by a signed-in user with a role, or by anyone when the dashboard is public.</summary>
internal sealed class ReaderRequirement : IAuthorizationRequirement;

internal sealed class ReaderHandler(Microsoft.Extensions.Options.IOptionsMonitor<AccessOptions> access) : AuthorizationHandler<ReaderRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReaderRequirement requirement)
    {
        if (access.CurrentValue.PublicDashboard || Roles.All.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
