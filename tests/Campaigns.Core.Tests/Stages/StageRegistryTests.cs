using Campaigns.Plugins;
using Campaigns.Stages;

namespace Campaigns.Core.Tests.Stages;

public sealed class StageRegistryTests
{
    [Fact]
    public void A_plugin_that_hangs_while_registering_is_given_up_and_the_others_load()
    {
        var registry = new StageRegistry { RegistrationTimeout = TimeSpan.FromMilliseconds(200) };
        using var release = new ManualResetEventSlim();

        var ex = Assert.Throws<StageRegistrationException>(() => registry.RegisterPlugin("sleepy", stages =>
        {
            release.Wait();
            stages.AddRule<object>(new StageInfo("late", "too late"), (_, _) => throw new InvalidOperationException());
        }));
        Assert.Contains("'sleepy' did not finish registering", ex.Message);

        registry.RegisterPlugin("prompt", stages => stages.AddRule<object>(new StageInfo("on-time", "fine"), (_, _) => throw new InvalidOperationException()));
        release.Set();
        Thread.Sleep(100);
        Assert.Equal(["on-time"], registry.All.Select(s => s.Key));
    }

    [Fact]
    public void A_plugin_that_throws_leaves_nothing_behind()
    {
        var registry = new StageRegistry();
        var ex = Assert.Throws<StageRegistrationException>(() => registry.RegisterPlugin("broken", stages =>
        {
            stages.AddRule<object>(new StageInfo("first", "ok"), (_, _) => throw new InvalidOperationException());
            throw new InvalidOperationException("boom");
        }));
        Assert.Contains("'broken' threw while registering: InvalidOperationException: boom", ex.Message);
        Assert.Empty(registry.All);
    }

    [Fact]
    public void Invalid_and_duplicate_keys_are_refused_when_added()
    {
        var registry = new StageRegistry();
        Assert.Throws<StageRegistrationException>(() => registry.RegisterPlugin("a", s => s.AddRule<object>(new StageInfo("Bad Key", ""), (_, _) => null!)));
        registry.RegisterPlugin("a", s => s.AddRule<object>(new StageInfo("good-key", ""), (_, _) => null!));
        var clash = Assert.Throws<StageRegistrationException>(() => registry.RegisterPlugin("b", s => s.AddRule<object>(new StageInfo("good-key", ""), (_, _) => null!)));
        Assert.Contains("plugin 'a' already provides", clash.Message);
    }
}
