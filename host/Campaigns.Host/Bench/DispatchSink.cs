using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Campaigns.Host.Bench;

/// <summary>A local webhook receiver for the dispatch benchmark: counts every idempotency key it is sent, answers 202.</summary>
internal sealed class DispatchSink : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DispatchSink(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, int> Received { get; } = new(StringComparer.Ordinal);

    public Uri Url { get; private set; } = null!;

    public int Duplicates => Received.Values.Sum(n => n - 1);

    public static async Task<DispatchSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new DispatchSink(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            sink.Received.AddOrUpdate(context.Request.Headers["Idempotency-Key"].ToString(), 1, (_, n) => n + 1);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        await app.StartAsync();
        sink.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook");
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
