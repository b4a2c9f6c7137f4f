using System.Text;
using System.Text.Json;
using Campaigns.Stages;

namespace Campaigns.Plugins.Channels.Http;

/// <summary>Sends each message as the request the options' templates describe (see <see cref="HttpProviderOptions"/>).</summary>
internal sealed class HttpProviderChannel(StageContext context, HttpProviderOptions options) : IDeliveryChannel, IDisposable
{
    private readonly HttpSender _sender = new(options, context.Time);
    private readonly RequestTemplates _templates = RequestTemplates.Parse(options);
    private readonly HttpMethod _method = new(options.Method);
    private IReadOnlyDictionary<string, string>? _secrets;

    public string Kind => options.Kind;

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        _secrets = options.SecretsEnv.ToDictionary(s => s.Key, s => Environment.GetEnvironmentVariable(s.Value)
            ?? throw new InvalidOperationException($"secretsEnv.{s.Key}: environment variable '{s.Value}' is not set"));
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        if (_secrets is null) await PrepareAsync(cancellationToken);
        var results = new DeliveryResult[messages.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, messages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await SendOneAsync(messages[i], ct));
        return results;
    }

    private async Task<DeliveryResult> SendOneAsync(OutgoingMessage message, CancellationToken ct)
    {
        (string Url, IReadOnlyList<(string Name, string Value)> Headers, string? Body) request;
        try
        {
            request = _templates.Render(message, _secrets!);
        }
        catch (Exception ex) when (ex is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException)
        {
            return new DeliveryResult(message.Key, DeliveryStatus.PermanentFailure, $"request template: {ex.Message}");
        }
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url))
            return new DeliveryResult(message.Key, DeliveryStatus.PermanentFailure, $"request template: '{request.Url}' is not an absolute URL");
        return await _sender.SendAsync(message.Key, () => Build(url, request.Headers, request.Body, message.Key), ReadIdAsync, ct);
    }

    private HttpRequestMessage Build(Uri url, IReadOnlyList<(string Name, string Value)> headers, string? body, string key)
    {
        var request = new HttpRequestMessage(_method, url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, options.ContentType);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (options.MessageIdPath is null) return null;
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            var node = json.RootElement;
            foreach (var part in options.MessageIdPath.Split('.'))
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node)) return null;
            return node.ValueKind == JsonValueKind.String ? node.GetString() : node.GetRawText();
        }
        catch (JsonException)
        {
            return null; // sent all the same; the answer just carries no id we can read
        }
    }

    public void Dispose() => _sender.Dispose();
}
