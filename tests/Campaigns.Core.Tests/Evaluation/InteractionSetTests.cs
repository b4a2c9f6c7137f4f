using Campaigns.Core.Tests.Import;
using Campaigns.Data;
using Campaigns.Evaluation;

namespace Campaigns.Core.Tests.Evaluation;

/// <summary>Input the evaluation cannot use gets a clear error, not a crash.</summary>
public sealed class InteractionSetTests : IDisposable
{
    private readonly ImportTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("", "empty")]
    [InlineData("user_id,item_id,timestamp\n", "no usable interactions")]
    [InlineData("user_id,item_id,timestamp\nu1,i1,1700000000\nu1,i2,1700000100\n", "only one user")]
    public async Task Unusable_files_are_refused_with_the_reason(string text, string reason)
    {
        var error = await Assert.ThrowsAsync<EvaluationException>(() => InteractionSet.LoadAsync(_files.Write(text), TimeProvider.System, CancellationToken.None));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returns_are_left_out_and_bad_lines_reported_with_their_numbers()
    {
        const string text = """
            user_id,item_id,timestamp,event_type,quantity
            u1,i1,1700000000,purchase,2
            u2,i1,1700000100,return,1
            u2,i2,not-a-time,purchase,1
            u2,i3,1700000200,purchase,1
            """;
        var data = await InteractionSet.LoadAsync(_files.Write(text), TimeProvider.System, CancellationToken.None);

        Assert.Equal(["u1:i1", "u2:i3"], data.Events.Select(e => $"{e.CustomerId}:{e.ItemId}"));
        Assert.All(data.Events, e => Assert.Equal(InteractionTypes.Purchase, e.Type));
        Assert.Equal(4, Assert.Single(data.Import.Errors).Line);
    }
}
