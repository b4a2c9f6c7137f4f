using Scriban;
using Scriban.Runtime;

namespace Campaigns.Message;

/// <summary>One thread's reusable, locked-down Scriban context.</summary>
internal sealed class SandboxedContext : IDisposable
{
    private readonly TemplateContext _context;
    private readonly long _deadlineMs;
    private CancellationTokenSource _clock = new();
    private long _startedAt; // Environment.TickCount64 when the current render started; 0 when idle

    public SandboxedContext(TemplateLimits limits)
    {
        _deadlineMs = (long)limits.Deadline.TotalMilliseconds;
        _context = new TemplateContext
        {
            LoopLimit = limits.LoopLimit,
            LoopLimitQueryable = limits.LoopLimit,
            RecursiveLimit = limits.RecursionLimit,
            OutputLimit = limits.OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            LimitToString = limits.StringLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            ObjectRecursionLimit = 20,
            RegexTimeOut = TimeSpan.FromMilliseconds(100),
            // No loader: `include` cannot reach the file system.
            TemplateLoader = null,
            EnableRelaxedMemberAccess = true,
        };
        RenderWatchdog.Watch(this);
    }

    /// <summary>This thread's model objects, refilled for each message.</summary>
    public MessageGlobals Globals { get; } = new();

    public string Render(Template template)
    {
        var globals = Globals.Root;
        _context.CancellationToken = _clock.Token;
        Volatile.Write(ref _startedAt, Environment.TickCount64);
        _context.PushGlobal(globals);
        try
        {
            return template.Render(_context);
        }
        finally
        {
            Volatile.Write(ref _startedAt, 0);
            _context.PopGlobal();
            // A cancelled source cannot be reused: replace it so the next message gets its full deadline.
            if (_clock.IsCancellationRequested)
            {
                _clock.Dispose();
                _clock = new CancellationTokenSource();
            }
        }
    }

    /// <summary>Called by the watchdog: cancels the running render if it is past its deadline.</summary>
    public void CancelIfOverdue(long now)
    {
        var started = Volatile.Read(ref _startedAt);
        if (started != 0 && now - started > _deadlineMs)
        {
            try { _clock.Cancel(); }
            catch (ObjectDisposedException) { } // the render ended and replaced its source meanwhile
        }
    }

    public void Dispose() => _clock.Dispose();
}
