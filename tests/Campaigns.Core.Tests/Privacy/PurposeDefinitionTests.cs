using System.Text.Json.Nodes;
using Campaigns.Campaign;
using Campaigns.Core.Tests.Campaign;
using Campaigns.Message;
using Campaigns.Privacy;

namespace Campaigns.Core.Tests.Privacy;

/// <summary>A campaign's purpose: marketing unless it says otherwise, one lower-case word, refused with its JSON path.</summary>
public sealed class PurposeDefinitionTests
{
    private readonly CampaignCompiler _compiler = new(TestStages.Registry(), TemplateLimits.Default);

    [Fact]
    public void A_campaign_is_marketing_unless_it_names_its_purpose()
    {
        Assert.Equal(CampaignPurposes.Marketing, _compiler.Compile(TestStages.Valid, 1).Definition.Purpose);
        Assert.Equal("transactional", _compiler.Compile(WithPurpose("transactional"), 1).Definition.Purpose);
        Assert.Equal("back-in-stock", _compiler.Compile(WithPurpose("back-in-stock"), 1).Definition.Purpose);
    }

    [Theory]
    [InlineData("Marketing")]
    [InlineData("email/marketing")]
    [InlineData("news letter")]
    public void A_purpose_that_is_not_one_lower_case_word_is_refused_with_its_path(string purpose)
    {
        var error = Assert.Single(_compiler.Validate(WithPurpose(purpose)));
        Assert.Equal("$.purpose", error.Path);
        Assert.Contains("lower-case word", error.Message, StringComparison.Ordinal);
    }

    private static string WithPurpose(string purpose)
    {
        var node = JsonNode.Parse(TestStages.Valid)!;
        node["purpose"] = purpose;
        return node.ToJsonString();
    }
}
