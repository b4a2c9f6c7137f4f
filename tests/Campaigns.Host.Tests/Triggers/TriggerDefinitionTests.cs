using Campaigns.Campaign;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Triggers;

/// <summary>A trigger definition that cannot work is refused with every problem at its JSON path, and nothing is stored.</summary>
public sealed class TriggerDefinitionTests
{
    [Fact]
    public async Task A_bad_trigger_is_refused_with_every_problem_at_its_json_path()
    {
        await using var stack = await TriggerStack.CreateAsync(postgres: false);
        var campaigns = stack.Services.GetRequiredService<CampaignService>();
        var json = TriggerShop.Campaign("broken", """
            { "on": "cart-abandonned", "delay": "one hour", "cancelOn": ["purchase", "buy"], "cooldownHours": -1, "cancelMatch": "order", "replenishment": {} }
            """);

        var error = await Assert.ThrowsAsync<CampaignDefinitionException>(() => campaigns.SaveAsync(json, CancellationToken.None));

        Assert.Equal(
            ["$.trigger.cancelMatch", "$.trigger.cancelOn[1]", "$.trigger.cooldownHours", "$.trigger.delay", "$.trigger.on", "$.trigger.replenishment"],
            error.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(error.Errors, e => e.Path == "$.trigger.on" && e.Message.Contains("cart-abandoned, browse-abandoned", StringComparison.Ordinal));
        Assert.Null(await stack.Services.GetRequiredService<Storage.ICampaignStore>().GetLatestAsync("broken", CancellationToken.None));
    }

    [Fact]
    public async Task A_trigger_schedule_needs_a_trigger_block_and_only_it_may_have_one()
    {
        await using var stack = await TriggerStack.CreateAsync(postgres: false);
        var campaigns = stack.Services.GetRequiredService<CampaignService>();
        var missing = TriggerShop.Campaign("no-block", "null");
        var stray = TriggerShop.Campaign("stray", """{ "on": "cart-abandoned" }""").Replace("\"type\": \"trigger\"", "\"type\": \"now\"", StringComparison.Ordinal);

        Assert.Equal(["$.trigger: required when the schedule type is 'trigger'"], campaigns.Validate(missing).Select(e => e.ToString()));
        Assert.Equal(["$.trigger"], campaigns.Validate(stray).Select(e => e.Path));
        Assert.Empty(campaigns.Validate(TriggerShop.Campaign("fine", """{ "on": "browse-abandoned", "delay": 2.5 }""")));
    }
}
