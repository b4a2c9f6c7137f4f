using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Host.Tests.Support;

/// <summary>
/// A real HTTP server on a free loopback port (Kestrel) that records every request and answers as the test says:
/// what a partner's webhook endpoint or SMS gateway looks like from the channel's side.
/// </summary>
internal sealed class HttpSink : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpSink(WebApplication app) => _app = app;

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<SinkRequest> Requests { get; } = new();

    /// <summary>Decides the answer to each request (default 200 with an <c>X-Message-Id</c>).</summary>
    public Func<SinkRequest, int, SinkAnswer> Answer { get; set; } = (_, n) => new SinkAnswer(200, Headers: new() { ["X-Message-Id"] = $"m{n}" });

    public Uri Url { get; private set; } = null!;

    public static async Task<HttpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new HttpSink(app);
        var count = 0;
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var request = new SinkRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.ToArray(), DateTimeOffset.UtcNow);
            sink.Requests.Enqueue(request);
            var answer = sink.Answer(request, Interlocked.Increment(ref count));
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay);
            context.Response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers ?? []) context.Response.Headers[name] = value;
            if (answer.Body is not null) await context.Response.WriteAsync(answer.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.Url = new Uri(address);
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record SinkRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

internal sealed record SinkAnswer(int Status, string? Body = null, Dictionary<string, string>? Headers = null, TimeSpan Delay = default);
