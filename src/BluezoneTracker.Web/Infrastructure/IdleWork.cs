using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace BluezoneTracker.Web.Infrastructure;

/// <summary>
/// Work that can wait — a kept body compressed again at the kept quality (docs/decisions/135, 155) — run one item
/// at a time on one thread that the operating system runs only on a core nothing else wants (Linux: the
/// <c>SCHED_IDLE</c> policy; elsewhere the lowest thread priority). After a write, the first requests of every page
/// are cold and each is rendered while its client waits; measured on 2 cores, the background Brotli of the first
/// pages, run on the thread pool at the requests' own priority, took more CPU than the cold request itself and
/// slowed the next cold pages by as much (docs/decisions/155). Here it only uses a core no request is using.
/// </summary>
public sealed class IdleWork : IDisposable
{
    private readonly Channel<Action> _queue = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger<IdleWork> _logger;
    private readonly Thread _thread;

    /// <summary>Starts the idle thread (a background thread: it never keeps the process alive).</summary>
    public IdleWork(ILogger<IdleWork> logger)
    {
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "Idle work" };
        _thread.Start();
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
        if (!LowerOwnScheduling() && _logger.IsEnabled(LogLevel.Warning))
        {
            // E.g. a container's system-call filter: the work still runs, at the requests' priority as before.
            _logger.LogWarning("Idle work runs at normal priority: sched_setscheduler(SCHED_IDLE) failed with errno {Errno}", Marshal.GetLastPInvokeError());
        }

        // A thread of its own, blocked while there is nothing to do: its scheduling is its own, never a pool thread's.
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
                _logger.LogError(ex, "Idle work failed");
            }
        }
    }

    /// <summary>
    /// The calling thread runs only when a core is idle. On Linux a thread may always lower its own scheduling;
    /// .NET's thread priority does not reach the Linux scheduler, hence the system call. False when it failed.
    /// </summary>
    private static bool LowerOwnScheduling()
    {
        Thread.CurrentThread.Priority = ThreadPriority.Lowest;
        var parameter = 0; // struct sched_param { int sched_priority; } — 0 for SCHED_IDLE.
        return !OperatingSystem.IsLinux() || NativeMethods.sched_setscheduler(0, NativeMethods.SchedIdle, ref parameter) == 0;
    }

    /// <summary>The Linux scheduling policy of the calling thread (field 41 of <c>/proc/thread-self/stat</c>; 5 is SCHED_IDLE).</summary>
    internal static int CurrentLinuxPolicy()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[41 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static class NativeMethods
    {
        public const int SchedIdle = 5;

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int sched_setscheduler(int pid, int policy, ref int param);
    }
}
