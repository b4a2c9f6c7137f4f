using Scriban;
using Scriban.Parsing;

namespace Campaigns.Message;

/// <summary>
/// A message template compiled once per campaign version. Rendering is thread-safe: each thread reuses its own
/// sandboxed <see cref="TemplateContext"/> (a new context per message is 6x slower), and the model is built from
/// read-only script objects, so customer data is only ever output, never parsed or evaluated as template code.
/// </summary>
public sealed class MessageTemplate : IDisposable
{
    private readonly Template _body;
    private readonly Template? _subject;
    private readonly ModelBuilder _models;
    private readonly ThreadLocal<SandboxedContext> _contexts;

    private MessageTemplate(Template body, Template? subject, bool html, TemplateLimits limits)
    {
        _body = body;
        _subject = subject;
        _models = new ModelBuilder(html);
        _contexts = new ThreadLocal<SandboxedContext>(() => new SandboxedContext(limits), trackAllValues: true);
    }

    /// <summary>True when values are HTML-escaped before they reach the template.</summary>
    public bool IsHtml => _models.Html;

    /// <summary>Parses the templates; returns null and the errors (with line and column) when they don't parse.</summary>
    public static MessageTemplate? Compile(string body, string? subject, bool html, string sourceName, TemplateLimits limits, out IReadOnlyList<string> errors)
    {
        var found = new List<string>();
        var parsedBody = Parse(body, sourceName, found);
        var parsedSubject = subject is null ? null : Parse(subject, sourceName + "#subject", found);
        errors = found;
        return found.Count > 0 ? null : new MessageTemplate(parsedBody, parsedSubject, html, limits);
    }

    /// <summary>Renders one message within the sandbox limits.</summary>
    /// <exception cref="MessageRenderException">A limit was hit or the template failed at run time.</exception>
    public RenderedMessage Render(MessageModel model)
    {
        var context = _contexts.Value!;
        _models.Fill(context.Globals, model);
        try
        {
            var subject = _subject is null ? null : context.Render(_subject);
            return new RenderedMessage(subject, context.Render(_body));
        }
        catch (Exception ex) when (ex is Scriban.Syntax.ScriptRuntimeException or OperationCanceledException or InvalidOperationException)
        {
            throw new MessageRenderException($"template failed for customer {model.Customer.Id}: {ex.Message}", ex);
        }
    }

    /// <summary>Releases the per-thread contexts.</summary>
    public void Dispose()
    {
        foreach (var context in _contexts.Values) context.Dispose();
        _contexts.Dispose();
    }

    private static Template Parse(string text, string sourceName, List<string> errors)
    {
        var template = Template.Parse(text, sourceName, lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
        if (template.HasErrors) errors.AddRange(template.Messages.Select(m => m.ToString()));
        return template;
    }
}
