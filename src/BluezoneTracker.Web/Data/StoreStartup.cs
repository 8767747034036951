namespace BluezoneTracker.Web.Data;

/// <summary>
/// Start-up against a store that may not answer yet (a PostgreSQL server still starting, or restarting):
/// the app waits and logs, retrying with a growing delay, instead of exiting and being restarted in a
/// loop. Only "unavailable" failures (<see cref="StoreProvider.IsUnavailable"/>) are retried; any other
/// failure (a migration error, a wrong password) stops the start-up with its real message.
/// </summary>
public static class StoreStartup
{
    /// <summary>The first wait after a failed attempt; each next wait doubles, up to <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, waiting between unavailable-store failures; never gives up by itself.</summary>
    public static async Task WaitAsync(Func<CancellationToken, Task> attempt, ILogger logger, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(clock);
        var delay = FirstDelay;
        for (var tries = 1; ; tries++)
        {
            try
            {
                await attempt(cancellationToken);
                if (tries > 1 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("The store answers after {Tries} attempts.", tries);
                }

                return;
            }
            catch (Exception e) when (StoreProvider.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
            {
                if (logger.IsEnabled(LogLevel.Warning))
                {
                    logger.LogWarning("The store does not answer (attempt {Tries}: {Reason}); trying again in {Seconds} s.", tries, e.GetBaseException().Message, delay.TotalSeconds);
                }

                await Task.Delay(delay, clock, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, delay.Ticks * 2));
            }
        }
    }
}
