using Campaigns.Tracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Hosting;

public sealed class TrackingConfigurationTests
{
    [Fact]
    public void Without_a_base_url_tracking_is_off_and_links_stay_as_written()
    {
        using var services = Services([]);

        Assert.False(services.GetRequiredService<TrackingOptions>().Enabled);
    }

    [Fact]
    public void A_base_url_and_a_secret_turn_tracking_on()
    {
        using var services = Services(new() { ["Campaigns:Tracking:BaseUrl"] = "https://t.shop.example", ["Campaigns:Tracking:Secret"] = Convert.ToBase64String(new byte[32]) });

        var options = services.GetRequiredService<TrackingOptions>();
        Assert.True(options.Enabled);
        Assert.Equal("https://t.shop.example/", options.BaseUrl!.ToString());
    }

    [Theory]
    [InlineData("ftp://t.shop.example", "c2VjcmV0", "Campaigns:Tracking:BaseUrl: 'ftp://t.shop.example'")]
    [InlineData("https://t.shop.example", "c2hvcnQ=", "Campaigns:Tracking:Secret: give at least 32 random bytes")]
    [InlineData("https://t.shop.example", null, "Campaigns:Tracking:Secret: give at least 32 random bytes")]
    public void A_bad_setting_stops_the_host_naming_it(string baseUrl, string? secret, string expected)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Services(new() { ["Campaigns:Tracking:BaseUrl"] = baseUrl, ["Campaigns:Tracking:Secret"] = secret }));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> values) => new ServiceCollection()
        .AddCampaignsTracking(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).BuildServiceProvider();
}
