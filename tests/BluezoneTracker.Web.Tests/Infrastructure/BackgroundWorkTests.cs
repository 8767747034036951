using System.Collections.Concurrent;
using BluezoneTracker.Web.Pages;
using Microsoft.Extensions.Logging;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Work that can wait (a kept body's recompression) runs one item at a time, in order, on one thread of its own —
/// never on the caller's thread nor on several cores at once (docs/decisions/155) — and a failed item is logged
/// without stopping the ones after it.
/// </summary>
public sealed class BackgroundWorkTests : IDisposable
{
    private readonly ErrorLog _log = new();
    private readonly BackgroundWork _idle;

    public BackgroundWorkTests() => _idle = new BackgroundWork(_log);

    public void Dispose() => _idle.Dispose();

    [Fact]
    public async Task Items_run_in_order_one_at_a_time_on_one_thread_of_their_own()
    {
        var ran = new ConcurrentQueue<(int Item, int Thread, bool Alone)>();
        var running = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 1; i <= 3; i++)
        {
            var item = i;
            _idle.Post(() =>
            {
                var alone = Interlocked.Increment(ref running) == 1;
                Thread.Sleep(20);
                ran.Enqueue((item, Environment.CurrentManagedThreadId, alone));
                Interlocked.Decrement(ref running);
            });
        }

        _idle.Post(done.SetResult);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([1, 2, 3], ran.Select(r => r.Item));
        var thread = Assert.Single(ran.Select(r => r.Thread).Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, thread);
        Assert.All(ran, r => Assert.True(r.Alone, $"item {r.Item} ran beside another"));
    }

    [Fact]
    public async Task A_failed_item_is_logged_and_the_next_one_still_runs()
    {
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        _idle.Post(() => throw new InvalidOperationException("compression failed"));
        _idle.Post(next.SetResult);

        await next.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var error = Assert.Single(_log.Errors);
        Assert.Equal("compression failed", error.Message);
    }

    [Fact]
    public void Work_posted_after_the_process_stops_is_not_run()
    {
        var ran = false;
        _idle.Dispose();

        _idle.Post(() => ran = true);

        Assert.False(ran);
    }

    private sealed class ErrorLog : ILogger<BackgroundWork>
    {
        public ConcurrentQueue<Exception> Errors { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error && exception is not null)
            {
                Errors.Enqueue(exception);
            }
        }
    }
}
