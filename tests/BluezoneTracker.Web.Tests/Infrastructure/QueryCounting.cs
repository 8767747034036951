using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Counting the SQL queries of a page, the same way in every test that does: the counter is added to the store's
/// context, and session checks run on a clock that stands still, so that a passed check stays trusted and a count
/// does not depend on how fast the machine is (a check is trusted for 500 ms, docs/decisions/100; that bound has its
/// own tests in SessionEndAcrossInstancesTests).
/// </summary>
public static class QueryCounting
{
    /// <summary>Adds <paramref name="commands"/> to the store's context and stops the session checks' clock.</summary>
    public static IServiceCollection CountQueriesWith(this IServiceCollection services, CommandCounter commands)
    {
        services.ConfigureStoreContext(o => o.AddInterceptors(commands));
        services.Replace(ServiceDescriptor.Singleton(new SessionChecks(new StoppedClock())));
        return services;
    }

    /// <summary>A clock whose timestamps never move.</summary>
    private sealed class StoppedClock : TimeProvider
    {
        private readonly long _at = TimeProvider.System.GetTimestamp();

        public override long GetTimestamp() => _at;
    }
}
