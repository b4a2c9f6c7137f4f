namespace Campaigns.Host.Tests.Plugins;

/// <summary>A clock that says what the test wants.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
