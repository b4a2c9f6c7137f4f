using Campaigns.Import;

namespace Campaigns.Core.Tests.Import;

/// <summary>Rating and evaluation files name their quantity column <c>weight</c>; it is read as the quantity.</summary>
public sealed class WeightColumnTests : IDisposable
{
    private readonly ImportTestFiles _files = new();
    private readonly InMemoryImportWriter _writer = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_weight_column_is_stored_as_the_quantity_of_a_purchase()
    {
        const string text = """
            user_id,item_id,timestamp,weight
            u1,i1,1700000000,4.5
            u2,i1,1700000100,
            u3,i2,1700000200,many
            """;
        var result = await new InteractionImporter(_writer, TimeProvider.System).ImportAsync(_files.Write(text));

        Assert.Equal(ImportFormat.Interactions, result.Format);
        Assert.Equal(2, result.EventsAdded);
        Assert.Equal([4.5, 1.0], _writer.Events.Values.OrderBy(e => e.CustomerId, StringComparer.Ordinal).Select(e => e.Quantity));
        Assert.All(_writer.Events.Values, e => Assert.Equal("purchase", e.Type));
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("weight 'many'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weight_and_quantity_together_are_an_unknown_header()
    {
        var path = _files.Write("user_id,item_id,timestamp,quantity,weight\nu1,i1,1700000000,1,1\n");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new InteractionImporter(_writer, TimeProvider.System).ImportAsync(path));
        Assert.Contains("'weight' may stand for 'quantity'", error.Message, StringComparison.Ordinal);
    }
}
