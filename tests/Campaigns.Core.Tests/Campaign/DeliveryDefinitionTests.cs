using System.Text.Json.Nodes;
using Campaigns.Campaign;
using Campaigns.Message;
using Campaigns.Scheduling;

namespace Campaigns.Core.Tests.Campaign;

public sealed class DeliveryDefinitionTests
{
    private readonly CampaignCompiler _compiler = new(TestStages.Registry(), TemplateLimits.Default);

    [Fact]
    public void The_delivery_block_is_read_with_its_times_and_policies()
    {
        var delivery = _compiler.Compile(WithDelivery("""
            { "window": { "from": "09:00", "to": "20:00" }, "quietHours": { "from": "21:30", "to": "07:45" }, "deadlineHours": 48,
              "whenInfeasible": "drop", "deferDays": 3, "ignoreFrequencyCaps": true, "provider": "acme-sms" }
            """), 1).Definition.Delivery;

        Assert.Equal(new LocalTimeRange(new TimeOnly(9, 0), new TimeOnly(20, 0)), delivery.Window);
        Assert.Equal(new LocalTimeRange(new TimeOnly(21, 30), new TimeOnly(7, 45)), delivery.QuietHours);
        Assert.False(delivery.InheritQuietHours);
        Assert.Equal(48, delivery.DeadlineHours);
        Assert.Equal(InfeasiblePolicy.Drop, delivery.WhenInfeasible);
        Assert.Equal(3, delivery.DeferDays);
        Assert.True(delivery.IgnoreFrequencyCaps);
        Assert.Equal("acme-sms", delivery.Provider);
    }

    [Fact]
    public void Without_a_delivery_block_the_host_quiet_hours_apply_and_late_messages_are_deferred()
    {
        var delivery = _compiler.Compile(TestStages.Valid, 1).Definition.Delivery;

        Assert.True(delivery.InheritQuietHours);
        Assert.Null(delivery.Window);
        Assert.Null(delivery.DeadlineHours);
        Assert.Equal(InfeasiblePolicy.Defer, delivery.WhenInfeasible);
        Assert.False(_compiler.Compile(WithDelivery("""{ "quietHours": false }"""), 1).Definition.Delivery.InheritQuietHours);
    }

    [Fact]
    public void Every_delivery_error_is_reported_with_its_json_path()
    {
        var errors = _compiler.Validate(WithDelivery("""
            { "window": { "from": "9am", "to": "20:00" }, "quietHours": { "from": "22:00", "to": "22:00" }, "deadlineHours": 0,
              "whenInfeasible": "later", "deferDays": 400, "ignoreFrequencyCaps": "yes", "sendAt": "10:00" }
            """));

        Assert.Contains(errors, e => e.Path == "$.delivery.window.from" && e.Message.Contains("HH:mm"));
        Assert.Contains(errors, e => e.Path == "$.delivery.quietHours.to" && e.Message.Contains("differ"));
        Assert.Contains(errors, e => e.Path == "$.delivery.deadlineHours");
        Assert.Contains(errors, e => e.Path == "$.delivery.whenInfeasible" && e.Message.Contains("'defer' or 'drop'"));
        Assert.Contains(errors, e => e.Path == "$.delivery.deferDays");
        Assert.Contains(errors, e => e.Path == "$.delivery.ignoreFrequencyCaps");
        Assert.Contains(errors, e => e.Path == "$.delivery.sendAt" && e.Message.Contains("unknown property"));
    }

    private static string WithDelivery(string delivery)
    {
        var node = JsonNode.Parse(TestStages.Valid)!;
        node["delivery"] = JsonNode.Parse(delivery);
        return node.ToJsonString();
    }
}
