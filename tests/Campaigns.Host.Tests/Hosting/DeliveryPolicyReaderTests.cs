using Campaigns.Host.Delivery;
using Campaigns.Host.Tests.Support;
using Campaigns.Scheduling;
using Microsoft.Extensions.Configuration;

namespace Campaigns.Host.Tests.Hosting;

public sealed class DeliveryPolicyReaderTests
{
    [Fact]
    public void Caps_quiet_hours_and_provider_rates_are_read_from_configuration()
    {
        var policy = DeliveryPolicyReader.Read(Config(new()
        {
            ["Campaigns:Delivery:QuietHours:From"] = "21:00",
            ["Campaigns:Delivery:QuietHours:To"] = "08:00",
            ["Campaigns:Delivery:FrequencyCaps:email:0:Count"] = "1",
            ["Campaigns:Delivery:FrequencyCaps:email:0:Per"] = "day",
            ["Campaigns:Delivery:FrequencyCaps:email:1:Count"] = "3",
            ["Campaigns:Delivery:FrequencyCaps:email:1:Per"] = "Week",
            ["Campaigns:Delivery:Providers:acme-sms:RatePerSecond"] = "12.5",
        }));

        Assert.Equal(new LocalTimeRange(new TimeOnly(21, 0), new TimeOnly(8, 0)), policy.QuietHours);
        Assert.Equal([new FrequencyCap(1, CapPeriod.Day), new FrequencyCap(3, CapPeriod.Week)], policy.CapsFor("email"));
        Assert.Empty(policy.CapsFor("sms"));
        Assert.Equal(12.5, policy.Providers["acme-sms"].RatePerSecond);
    }

    [Fact]
    public void Nothing_configured_means_no_caps_no_quiet_hours_and_no_limits()
    {
        var policy = DeliveryPolicyReader.Read(Config([]));

        Assert.Null(policy.QuietHours);
        Assert.Empty(policy.FrequencyCaps);
        Assert.Empty(policy.Providers);
    }

    [Fact]
    public void Every_bad_setting_is_named_by_its_configuration_path()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DeliveryPolicyReader.Read(Config(new()
        {
            ["Campaigns:Delivery:QuietHours:From"] = "9pm",
            ["Campaigns:Delivery:QuietHours:To"] = "08:00",
            ["Campaigns:Delivery:FrequencyCaps:email:0:Count"] = "0",
            ["Campaigns:Delivery:FrequencyCaps:email:0:Per"] = "month",
            ["Campaigns:Delivery:Providers:acme-sms:RatePerSecond"] = "fast",
        })));

        Assert.Contains("Campaigns:Delivery:QuietHours:From: '9pm'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Campaigns:Delivery:FrequencyCaps:email:0:Count", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Campaigns:Delivery:FrequencyCaps:email:0:Per: 'month'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Campaigns:Delivery:Providers:acme-sms:RatePerSecond: 'fast'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_a_bad_delivery_policy_and_says_which_setting()
    {
        using var host = new HostProcess();
        host.SetEnvironment("Campaigns__Delivery__Providers__acme__RatePerSecond", "-3");

        var result = await host.RunAsync("plugins");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Campaigns:Delivery:Providers:acme:RatePerSecond: '-3'", result.Error + result.Out, StringComparison.Ordinal);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
