namespace Campaigns.Stages;

/// <summary>
/// Ends a stage instance the host created: plugins may implement <see cref="IAsyncDisposable"/>, <see cref="IDisposable"/>
/// or neither, and the contract cannot require either without breaking older plugins.
/// </summary>
internal static class StageDisposal
{
    /// <summary>Disposes <paramref name="stage"/> the way it supports, asynchronously first.</summary>
    public static async ValueTask DisposeAsync(object? stage)
    {
        if (stage is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else if (stage is IDisposable disposable) disposable.Dispose();
    }
}
