namespace Campaigns.Message;

/// <summary>
/// Enforces render deadlines for every sandboxed context with one shared timer. Arming a
/// <see cref="CancellationTokenSource"/> timer per message costs more than rendering a short push message, so each
/// context only records when its render started, and this watchdog cancels the ones that overran.
/// </summary>
internal static class RenderWatchdog
{
    private static readonly List<WeakReference<SandboxedContext>> Contexts = [];
    private static readonly Lock Gate = new();
    private static Timer? _timer;

    /// <summary>How often running renders are checked; a deadline is enforced within this much of its expiry.</summary>
    public static TimeSpan Resolution { get; } = TimeSpan.FromMilliseconds(20);

    public static void Watch(SandboxedContext context)
    {
        lock (Gate)
        {
            Contexts.Add(new WeakReference<SandboxedContext>(context));
            _timer ??= new Timer(_ => Check(), null, Resolution, Resolution);
        }
    }

    private static void Check()
    {
        var now = Environment.TickCount64;
        lock (Gate)
        {
            Contexts.RemoveAll(weak => !weak.TryGetTarget(out _));
            foreach (var weak in Contexts)
                if (weak.TryGetTarget(out var context)) context.CancelIfOverdue(now);
        }
    }
}
