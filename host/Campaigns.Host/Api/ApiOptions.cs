namespace Campaigns.Host.Api;

/// <summary>The limits of the event and catalog API, from <c>Campaigns:Api</c>; the <c>ingest</c> verb applies the same.</summary>
internal sealed class ApiOptions
{
    /// <summary>Largest request body in bytes; a larger one is answered 413 before it is parsed. Default 8 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Most records in one batch; more is answered 413. Default 10,000.</summary>
    public int MaxRecords { get; init; } = 10_000;

    /// <summary>Deepest JSON nesting of a whole body, counting the array and a <c>records</c> wrapper. Default 8.</summary>
    public int MaxDepth { get; init; } = 8;

    /// <summary>How far past the host's clock an event's <c>occurredAt</c> may be (clock skew). Default 1 day.</summary>
    public TimeSpan MaxFuture { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Reads and checks <c>Campaigns:Api</c>; a bad setting stops the host with the setting's name.</summary>
    public static ApiOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Campaigns:Api").Get<ApiOptions>() ?? new ApiOptions();
        if (options.MaxBodyBytes < 1024) throw new InvalidOperationException("Campaigns:Api:MaxBodyBytes must be at least 1024");
        if (options.MaxRecords < 1) throw new InvalidOperationException("Campaigns:Api:MaxRecords must be at least 1");
        if (options.MaxDepth < 4) throw new InvalidOperationException("Campaigns:Api:MaxDepth must be at least 4 (wrapper, array, record, consent)");
        if (options.MaxFuture < TimeSpan.Zero) throw new InvalidOperationException("Campaigns:Api:MaxFuture must not be negative");
        return options;
    }
}
