using System.Security.Claims;

namespace BluezoneTracker.Web.Accounts;

/// <summary>Who acts: a signed-in person, an API token, the command line, the system itself, or nobody.</summary>
public enum ActorKind
{
    Anonymous,
    Person,
    Token,
    CommandLine,
    System,
}

/// <summary>
/// Who is acting, resolved once at the edge (a request's sign-in or token, the <c>import</c> verb's account,
/// the system) and passed to the services, which decide from it — never from <c>HttpContext</c> — what may be
/// done: its role and the area it is assigned to (docs/decisions/040). Its <see cref="Name"/> is recorded with
/// every revision and audit row.
/// </summary>
/// <param name="Kind">How the actor came in.</param>
/// <param name="Name">The account name recorded with writes (the placeholder for nobody).</param>
/// <param name="Role">One of <see cref="Roles.All"/>; null for nobody.</param>
/// <param name="AreaCode">The GSO code of the area the account is assigned to; null: the whole tree (the system, or an account before #11).</param>
public sealed record ActingUser(ActorKind Kind, string Name, string? Role, string? AreaCode)
{
    /// <summary>The name recorded should an unauthenticated request ever reach a write.</summary>
    public const string AnonymousName = "(chưa đăng nhập)";

    /// <summary>The claim that carries an account's assigned area code.</summary>
    public const string AreaClaim = "bz:area";

    private const string ItemKey = "bz.actor";

    /// <summary>Nobody signed in.</summary>
    public static ActingUser Anonymous { get; } = new(ActorKind.Anonymous, AnonymousName, null, null);

    /// <summary>The signed-in person or token of a principal (anonymous when not authenticated).</summary>
    public static ActingUser From(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return Anonymous;
        }

        var role = Roles.All.Reverse().FirstOrDefault(user.IsInRole);
        var kind = user.HasClaim("amr", "token") ? ActorKind.Token : ActorKind.Person;
        return new ActingUser(kind, name, role, user.FindFirst(AreaClaim)?.Value is { Length: > 0 } area ? area : null);
    }

    /// <summary>The request's actor, resolved once (after authentication) and kept for the request.</summary>
    public static ActingUser Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[ItemKey] is not ActingUser actor)
        {
            actor = From(context.User);
            context.Items[ItemKey] = actor;
        }

        return actor;
    }

    /// <summary>An account acting through the command line (the <c>import</c> verb).</summary>
    public static ActingUser CommandLine(string accountName, string? role, string? areaCode) => new(ActorKind.CommandLine, accountName, role, areaCode);

    /// <summary>The system itself (seeding, migrations): every role, everywhere.</summary>
    public static ActingUser System(string name) => new(ActorKind.System, name, Roles.Admin, null);

    /// <summary>True when the actor's role includes <paramref name="needed"/>.</summary>
    public bool Has(string needed) => Roles.IsKnown(Role) && Roles.Includes(Role!, needed);

    /// <summary>Staff or above: may enter counts.</summary>
    public bool MayEnterCounts => Has(Roles.Staff);

    /// <summary>A signed-off date is revised only by a Director or an Admin; the signed annex stays as signed.</summary>
    public bool MayReviseSignedOff => Has(Roles.Director);
}

/// <summary>Resolves the request's <see cref="ActingUser"/> once, right after authentication.</summary>
public static class ActingUserSetup
{
    /// <summary>Resolves the actor at the start of the request's handling (after authentication).</summary>
    public static IApplicationBuilder UseActingUser(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        _ = ActingUser.Of(context);
        return next(context);
    });
}
