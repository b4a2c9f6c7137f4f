using System.Text.Json;
using Campaigns.Stages;
using Scriban;
using Scriban.Runtime;

namespace Campaigns.Plugins.Channels.Http;

/// <summary>
/// The <c>http</c> channel's URL, header and body templates, parsed once. Rendering is sandboxed: only the message,
/// the configured secrets and two escaping functions are reachable, with loop and recursion limits.
/// </summary>
internal sealed class RequestTemplates
{
    private readonly Template _url;
    private readonly Template? _body;
    private readonly IReadOnlyList<(string Name, Template Value)> _headers;

    private RequestTemplates(Template url, Template? body, IReadOnlyList<(string, Template)> headers)
    {
        _url = url;
        _body = body;
        _headers = headers;
    }

    /// <summary>Parses the templates; the error names the option and Scriban's message with its position.</summary>
    public static RequestTemplates Parse(HttpProviderOptions options) => new(
        ParseOne("url", options.Url),
        string.IsNullOrEmpty(options.Body) ? null : ParseOne("body", options.Body),
        [.. options.Headers.Select(h => (h.Key, ParseOne($"headers.{h.Key}", h.Value)))]);

    public (string Url, IReadOnlyList<(string Name, string Value)> Headers, string? Body) Render(OutgoingMessage message, IReadOnlyDictionary<string, string> secrets)
    {
        var context = Context(message, secrets);
        return (_url.Render(context).Trim(), [.. _headers.Select(h => (h.Name, h.Value.Render(context).Trim()))], _body?.Render(context));
    }

    private static Template ParseOne(string option, string text)
    {
        var template = Template.Parse(text);
        if (template.HasErrors)
            throw new ArgumentException($"{option}: {string.Join("; ", template.Messages.Select(m => m.ToString()))}");
        return template;
    }

    private static TemplateContext Context(OutgoingMessage m, IReadOnlyDictionary<string, string> secrets)
    {
        var globals = new ScriptObject
        {
            ["message"] = new ScriptObject
            {
                ["key"] = m.Key, ["campaign_id"] = m.CampaignId, ["customer_id"] = m.CustomerId, ["address"] = m.Address,
                ["subject"] = m.Subject, ["body"] = m.Body, ["item_ids"] = new ScriptArray(m.ItemIds), ["planned_at"] = m.PlannedAt.ToString("O"),
            },
        };
        var secretValues = new ScriptObject();
        foreach (var (name, value) in secrets) secretValues[name] = value;
        globals["secrets"] = secretValues;
        globals.Import("json", new Func<object?, string>(value => JsonSerializer.Serialize(value?.ToString())));
        globals.Import("form", new Func<object?, string>(value => Uri.EscapeDataString(value?.ToString() ?? "")));
        var context = new TemplateContext { LoopLimit = 1000, RecursiveLimit = 20, EnableRelaxedMemberAccess = true, TemplateLoader = null, StrictVariables = true };
        context.PushGlobal(globals);
        return context;
    }
}
