using Scriban;
using Scriban.Runtime;

namespace Campaigns.Message;

/// <summary>One thread's reusable, locked-down Scriban context.</summary>
internal sealed class SandboxedContext : IDisposable
{
    private readonly TemplateContext _context;
    private readonly TimeSpan _deadline;
    private CancellationTokenSource _clock = new();

    public SandboxedContext(TemplateLimits limits)
    {
        _deadline = limits.Deadline;
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
    }

    public string Render(Template template, ScriptObject globals)
    {
        _clock.CancelAfter(_deadline);
        _context.CancellationToken = _clock.Token;
        _context.PushGlobal(globals);
        try
        {
            return template.Render(_context);
        }
        finally
        {
            _context.PopGlobal();
            // A cancelled source cannot be reset: replace it so the next message gets its full deadline.
            if (!_clock.TryReset())
            {
                _clock.Dispose();
                _clock = new CancellationTokenSource();
            }
        }
    }

    public void Dispose() => _clock.Dispose();
}
