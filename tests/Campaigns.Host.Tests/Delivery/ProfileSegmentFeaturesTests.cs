using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Planning;
using Campaigns.Profiles;
using Campaigns.Stages;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>
/// The ML segments read the stored customer profiles when the host keeps them, and raw purchase events on a host that
/// does not (contract 1.2): the same history must give the same clusters and the same propensity audience either way,
/// which is what lets propensity train on events at past cutoffs and score today's profiles. Sample data, real plugin
/// builds, on both databases.
/// </summary>
public sealed class ProfileSegmentFeaturesTests
{
    [Fact]
    public Task Profiles_and_events_give_the_same_segments_on_postgres() => SameSegmentsAsync(sqlite: false);

    [Fact]
    public Task Profiles_and_events_give_the_same_segments_on_sqlite() => SameSegmentsAsync(sqlite: true);

    private static async Task SameSegmentsAsync(bool sqlite)
    {
        await using var stack = await CampaignStack.CreateAsync(sqlite: sqlite);
        // Before any profile is computed the host falls back to events, and says so.
        var early = await DescribeAsync(stack, "kmeans-segment", """{"kMax":5}""", withProfiles: true);
        Assert.EndsWith("features from purchase events (no stored profile has an order yet)", early.Title, StringComparison.Ordinal);

        Assert.True(await stack.Services.GetRequiredService<ProfileComputer>().ComputeAllAsync(null, CancellationToken.None) > 0);

        var fromProfiles = await DescribeAsync(stack, "kmeans-segment", """{"kMax":5}""", withProfiles: true);
        var fromEvents = await DescribeAsync(stack, "kmeans-segment", """{"kMax":5}""", withProfiles: false);
        Assert.EndsWith("features from customer profiles", fromProfiles.Title, StringComparison.Ordinal);
        Assert.EndsWith("features from purchase events (this host keeps no profiles)", fromEvents.Title, StringComparison.Ordinal);
        Assert.Equal(fromEvents.Segments.Select(s => (s.Name, s.Customers)), fromProfiles.Segments.Select(s => (s.Name, s.Customers)));
        Assert.Equal(fromEvents.Figures.Select(f => f.Name), fromProfiles.Figures.Select(f => f.Name));
        foreach (var (events, profiles) in fromEvents.Segments.Zip(fromProfiles.Segments))
        {
            // The centroids in a marketer's units (days, orders, money, category shares) agree to the profiles' rounding.
            Assert.Equal(events.Figures.Select(f => f.Name), profiles.Figures.Select(f => f.Name));
            Assert.All(events.Figures.Zip(profiles.Figures), p => Assert.Equal(p.First.Value, p.Second.Value, 0.001 * Math.Max(1, Math.Abs(p.First.Value))));
        }
        Assert.Contains(fromProfiles.Segments[0].Figures, f => f.Name.StartsWith("share of ", StringComparison.Ordinal) && f.Value > 0);

        // Propensity trains on events at past cutoffs either way; today's customers are scored from profiles or events, identically.
        foreach (var options in new[] { """{"topPercent":20,"trees":20}""", """{"target":"churn","topPercent":20,"trees":20}""" })
        {
            Assert.Equal(await SelectAsync(stack, "propensity-segment", options, withProfiles: false), await SelectAsync(stack, "propensity-segment", options, withProfiles: true));
            Assert.Contains("from customer profiles", (await DescribeAsync(stack, "propensity-segment", options, withProfiles: true)).Title, StringComparison.Ordinal);
        }
        var cluster = fromProfiles.Segments[1];
        var members = await SelectAsync(stack, "kmeans-segment", $$"""{"kMax":5,"cluster":"{{cluster.Name}}"}""", withProfiles: true);
        Assert.Equal(cluster.Customers, members.Count);
        Assert.Equal(members, await SelectAsync(stack, "kmeans-segment", $$"""{"kMax":5,"cluster":"{{cluster.Name}}"}""", withProfiles: false));
    }

    private static Task<SegmentReport> DescribeAsync(CampaignStack stack, string key, string options, bool withProfiles) =>
        ((ISegmentInsights)Create(stack, key, options, withProfiles)).DescribeAsync(CancellationToken.None);

    private static async Task<List<string>> SelectAsync(CampaignStack stack, string key, string options, bool withProfiles)
    {
        var stage = Create(stack, key, options, withProfiles);
        await stage.PrepareAsync(CancellationToken.None);
        var ids = new List<string>();
        await foreach (var batch in stage.SelectAsync(new AudienceRequest(500), CancellationToken.None)) ids.AddRange(batch.Select(c => c.Id));
        return [.. ids.Order(StringComparer.Ordinal)];
    }

    private static IAudienceStage Create(CampaignStack stack, string key, string options, bool withProfiles)
    {
        Assert.True(stack.Services.GetRequiredService<StageRegistry>().TryGet(StageKind.Audience, key, out var registration));
        var errors = new List<DefinitionError>();
        var bound = StageOptionsBinder.Bind(registration.OptionsType, JsonDocument.Parse(options).RootElement.Clone(), "$.audience", errors);
        Assert.Empty(errors);
        var host = stack.Services.GetRequiredService<StageContextFactory>().Create(new CampaignRunInfo("features", 1, "once"), registration);
        Assert.NotNull(host.Profiles);
        // A host of contract 1.2: the same readers, no profiles.
        var context = withProfiles ? host : new StageContext
        {
            Customers = host.Customers, Catalog = host.Catalog, Interactions = host.Interactions, Time = host.Time,
            Logger = host.Logger, Run = host.Run, DataFolder = host.DataFolder,
        };
        return (IAudienceStage)registration.Create(context, bound!);
    }
}
