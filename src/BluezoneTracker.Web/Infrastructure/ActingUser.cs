using System.Security.Claims;

namespace BluezoneTracker.Web.Infrastructure;

/// <summary>
/// The one place that names who is acting, recorded with every revision. Entering counts needs a
/// sign-in; should an unauthenticated request ever reach it, it is recorded under a clear placeholder.
/// </summary>
public static class ActingUser
{
    public const string Anonymous = "(chưa đăng nhập)";

    public static string Name(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;

    /// <summary>The command line runs as the operating-system account that started it.</summary>
    public static string CommandLine() => "cli:" + Environment.UserName;
}
