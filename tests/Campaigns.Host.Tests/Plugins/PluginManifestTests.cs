using Campaigns.Host.Plugins;

namespace Campaigns.Host.Tests.Plugins;

public sealed class PluginManifestTests
{
    [Theory]
    [InlineData("1.0", null)]
    [InlineData("1.1", null)]
    [InlineData("1.2", null)]
    [InlineData("1.3", null)]
    [InlineData("1.4", "built against contract 1.4, host provides 1.3")]
    [InlineData("0.9", "built against contract 0.9, host provides 1.3")]
    [InlineData("2.0", "built against contract 2.0, host provides 1.3")]
    [InlineData("1", "invalid contract version '1'")]
    [InlineData("1.1.0", "invalid contract version '1.1.0'")]
    [InlineData("one", "invalid contract version 'one'")]
    public void TheHostRunsTheSameMajorWithAMinorNoNewerThanItsOwn(string declared, string? error)
    {
        var check = new PluginManifest("p", "1.0.0", declared, new Version(1, 0, 0, 0), null).CheckContract();

        if (error is null) Assert.Null(check);
        else Assert.StartsWith(error, check, StringComparison.Ordinal);
    }

    [Fact]
    public void AReferenceToAnotherContractMajorIsRefusedWhateverTheManifestSays()
    {
        var check = new PluginManifest("p", "1.0.0", "1.0", new Version(2, 0, 0, 0), null).CheckContract();

        Assert.Equal("references Campaigns.Abstractions 2.0.0.0, host provides 1.3", check);
    }
}
