using System.Text.Json;
using Campaigns.Core.Tests.Import;
using Campaigns.Data;
using Campaigns.Evaluation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaigns.Core.Tests.Evaluation;

/// <summary>The evaluator runs a registered stage over the training split and scores it as the protocol says.</summary>
public sealed class OfflineEvaluatorTests : IDisposable
{
    // Train before 2024-02-01: u1 had i1, u2 had i3, u3 had i2. Test: u1 buys i1 again and i2, u2 buys i4, u3 buys i2 again.
    // u9 appears only in the test period, so it is never evaluated (no training interaction).
    private const string File = """
        user_id,item_id,timestamp,weight
        u1,i1,2024-01-05T10:00:00Z,2
        u2,i3,2024-01-06T10:00:00Z,1
        u3,i2,2024-01-07T10:00:00Z,5
        u1,i1,2024-02-02T10:00:00Z,1
        u1,i2,2024-02-03T10:00:00Z,1
        u2,i4,2024-02-04T10:00:00Z,1
        u3,i2,2024-02-05T10:00:00Z,1
        u9,i1,2024-02-05T10:00:00Z,1
        """;

    private static readonly DateTimeOffset SplitAt = new(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ImportTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Repeat_purchases_count_as_hits_when_seen_items_are_kept()
    {
        var (result, stage) = await EvaluateAsync(removeSeen: false);

        // k = 1, everyone gets i1: u1 hits (i1 again), u2 (i4) and u3 (i2) miss.
        Assert.Equal(3, result.Users);
        Assert.Equal(1.0 / 3, result.Ndcg, 12);
        Assert.Equal(1.0 / 3, result.Hit, 12);
        Assert.Equal(1.0 / 6, result.Recall, 12); // u1: 1 of {i1, i2}
        Assert.Equal(1.0 / 3, result.Coverage, 12); // i1 of the 3 training items
        Assert.Equal([1], stage.Requested);
    }

    [Fact]
    public async Task Seen_items_leave_both_the_list_and_the_relevant_set()
    {
        var (result, stage) = await EvaluateAsync(removeSeen: true);

        // u1: relevant {i2}, list without i1 is [i2]: a hit. u2: relevant {i4}, list [i1]: a miss.
        // u3: relevant {i2} minus seen {i2} is empty: not evaluated.
        Assert.Equal(2, result.Users);
        Assert.Equal(0.5, result.Ndcg, 12);
        Assert.Equal(0.5, result.Precision, 12);
        Assert.Equal(2.0 / 3, result.Coverage, 12);
        // Asked for k plus the most training items of anyone in the batch (1), so k remain after filtering.
        Assert.Equal([2], stage.Requested);
    }

    [Fact]
    public async Task The_stage_sees_only_training_events_and_the_split_instant_as_now()
    {
        var (_, stage) = await EvaluateAsync(removeSeen: true);

        Assert.Equal(SplitAt, stage.PreparedAt);
        Assert.Equal(3, stage.TrainingSeen.Count);
        Assert.All(stage.TrainingSeen, e => Assert.True(e.OccurredAt < SplitAt));
        Assert.Equal(5, stage.TrainingSeen.Single(e => e.CustomerId == "u3").Quantity); // the weight column
    }

    [Fact]
    public async Task Unknown_keys_and_invalid_options_are_reported_together_before_anything_runs()
    {
        var data = await InteractionSet.LoadAsync(_files.Write(File), TimeProvider.System, CancellationToken.None);
        var evaluator = new OfflineEvaluator(FixedListStage.Registry(), NullLoggerFactory.Instance, _files.Folder);
        AlgorithmChoice[] algorithms = [new("nope"), new("fixed-list", JsonDocument.Parse("""{"items":[],"extra":1}""").RootElement)];

        var error = await Assert.ThrowsAsync<EvaluationException>(() =>
            evaluator.RunAsync(data, new EvaluationSettings(new SplitSpec(SplitKind.Temporal, SplitAt: SplitAt)), algorithms, CancellationToken.None));

        Assert.Contains("nope: no recommender stage has this key (loaded: fixed-list)", error.Message, StringComparison.Ordinal);
        Assert.Contains("fixed-list.options", error.Message, StringComparison.Ordinal);
    }

    private async Task<(AlgorithmResult Result, FixedListStage Stage)> EvaluateAsync(bool removeSeen)
    {
        var data = await InteractionSet.LoadAsync(_files.Write(File), TimeProvider.System, CancellationToken.None);
        var evaluator = new OfflineEvaluator(FixedListStage.Registry(), NullLoggerFactory.Instance, _files.Folder);
        var options = JsonDocument.Parse("""{"items":["i1","i2","i3"]}""").RootElement;
        var settings = new EvaluationSettings(new SplitSpec(SplitKind.Temporal, SplitAt: SplitAt), K: 1, RemoveSeen: removeSeen);
        var results = await evaluator.RunAsync(data, settings, [new AlgorithmChoice("fixed-list", options)], CancellationToken.None);
        FixedListStage stage;
        lock (FixedListStage.Built) stage = FixedListStage.Built[^1];
        return (Assert.Single(results), stage);
    }
}
