using Campaigns.Data;
using Campaigns.Import;

namespace Campaigns.Core.Tests.Import;

public sealed class InteractionsImportTests : IDisposable
{
    private const string Sample = """
        user_id,item_id,timestamp,event_type,quantity,value
        u1,i1,1306918800,,2,9.90
        u1,i2,1306918800.5,view,,
        u2,i1,2011-06-01T10:00:00+01:00,cart_add,1,0
        u2,i3,2011-06-01 09:00:00,rating,1,4
        u3,i1,1306918800,teleport,1,0
        u3,,1306918800,purchase,1,0
        ,i1,1306918800,purchase,1,0
        u3,i1,yesterday,purchase,1,0
        u3,i1,1306918800,purchase,lots,0
        u4,,1306918800,open,,
        """;

    private static readonly DateTimeOffset NineUtc = new(2011, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ImportTestFiles _files = new();
    private readonly InMemoryImportWriter _writer = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Reads_unix_and_iso_timestamps_defaults_and_reports_bad_rows()
    {
        var result = await Import(_files.Write(Sample));

        Assert.Equal(ImportFormat.Interactions, result.Format);
        Assert.Equal(10, result.Lines);
        Assert.Equal(5, result.EventsAdded);
        Assert.Equal(5, result.BadRows);
        Assert.Equal([6L, 7L, 8L, 9L, 10L], result.Errors.Select(e => e.Line));
        Assert.Contains("event_type 'teleport'", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("item_id is empty", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("user_id is empty", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("timestamp 'yesterday'", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("quantity 'lots'", result.Errors[4].Message, StringComparison.Ordinal);
        Assert.Empty(_writer.OrderViolations);

        var events = _writer.Events.Values.ToList();
        Assert.Contains(new Interaction("u1", "i1", InteractionTypes.Purchase, NineUtc, 2, 9.90m), events);
        Assert.Contains(new Interaction("u1", "i2", InteractionTypes.View, NineUtc.AddMilliseconds(500)), events);
        Assert.Contains(new Interaction("u2", "i1", InteractionTypes.CartAdd, NineUtc), events);
        Assert.Contains(new Interaction("u2", "i3", InteractionTypes.Rating, NineUtc, 1, 4), events);
        Assert.Contains(new Interaction("u4", "", InteractionTypes.Open, NineUtc), events);
    }

    [Fact]
    public async Task Customers_are_UTC_and_items_are_titled_with_their_id()
    {
        await Import(_files.Write(Sample, gzip: true));

        Assert.Equal(["u1", "u2", "u4"], _writer.Customers.Keys.Order(StringComparer.Ordinal));
        Assert.All(_writer.Customers.Values, c => Assert.Equal("UTC", c.TimeZone));
        Assert.Equal(["i1", "i2", "i3"], _writer.Items.Keys.Order(StringComparer.Ordinal));
        Assert.All(_writer.Items.Values, i => Assert.Equal(i.Id, i.Title));
    }

    [Fact]
    public async Task Only_the_required_columns_mean_purchases_of_one_unit()
    {
        var result = await Import(_files.Write("user_id,item_id,timestamp\nu1,i1,1306918800\nu1,i1,1306918800\n"));

        Assert.Equal(2, result.EventsAdded);
        Assert.All(_writer.Events.Values, e => Assert.Equal(new Interaction("u1", "i1", InteractionTypes.Purchase, NineUtc), e));
    }

    [Fact]
    public async Task Optional_columns_may_be_left_out_in_between()
    {
        var result = await Import(_files.Write("USER_ID, item_id ,timestamp,value\nu1,i1,2011-06-01T09:00:00Z,3.5\n"));

        Assert.Equal(1, result.EventsAdded);
        Assert.Equal(3.5m, Assert.Single(_writer.Events.Values).Value);
    }

    [Fact]
    public async Task Event_ids_are_stable_so_a_reimport_adds_nothing()
    {
        var path = _files.Write(Sample);
        var first = await Import(path);

        var again = await Import(path);

        Assert.Equal(0, again.EventsAdded);
        Assert.Equal(first.EventsAdded, again.EventsAlreadyPresent);
        Assert.All(_writer.Events.Keys, id => Assert.Matches("^ix:[0-9a-f]{32}:[0-9]+$", id));
    }

    private Task<ImportResult> Import(string path) => new InteractionImporter(_writer, TimeProvider.System).ImportAsync(path);
}
