using System.Threading.Channels;

namespace BluezoneTracker.Web.Pages;

/// <summary>
/// Work that can wait — a kept body compressed again at the kept quality (docs/decisions/135, 155) — run one item
/// at a time, in order, on one thread of its own: at most one core, never a thread-pool thread that a request needs.
/// The work itself decides when to give way (the response cache's recompression waits while a page is rendered).
/// </summary>
public sealed class BackgroundWork : IDisposable
{
    private readonly Channel<Action> _queue = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger<BackgroundWork> _logger;

    /// <summary>Starts the thread (a background thread: it never keeps the process alive).</summary>
    public BackgroundWork(ILogger<BackgroundWork> logger)
    {
        _logger = logger;
        new Thread(Run) { IsBackground = true, Name = "Background work" }.Start();
    }

    /// <summary>Queues <paramref name="work"/>; it runs after the work queued before it. Not run once disposed (the process is stopping).</summary>
    public void Post(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _queue.Writer.TryWrite(work);
    }

    /// <summary>Takes no more work; the thread ends after the item it runs, if any (it never delays the process's end).</summary>
    public void Dispose() => _queue.Writer.TryComplete();

    private void Run()
    {
        // Blocked while there is nothing to do.
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (!_queue.Reader.TryRead(out var work))
            {
                continue;
            }

            try
            {
                work();
            }
#pragma warning disable CA1031 // One failed item (logged) must not end the thread that runs every later one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Background work failed");
            }
        }
    }
}
