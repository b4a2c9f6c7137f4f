using Campaigns.Data;
using Campaigns.Events;
using Campaigns.Host.Triggers;
using Campaigns.Import;
using Campaigns.Storage;
using Campaigns.Triggers;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>trigger &lt;events.csv&gt;</c>: stores a file of events (the import formats, bad lines listed with their line
/// numbers) and runs the trigger campaigns on them as if they had come through the API: carts plan abandoned-cart
/// messages, purchases cancel them. <c>trigger --replenishment &lt;campaign&gt;</c> runs a replenishment scan now.
/// </summary>
internal sealed class TriggerVerb : ICliVerb
{
    public string Name => "trigger";
    public string Usage => "trigger <events.csv[.gz]> | trigger --replenishment <campaign>   fire trigger campaigns on a file of events, or scan for repurchases due";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args is ["--replenishment", var campaignId])
        {
            try
            {
                var result = await services.GetRequiredService<ReplenishmentJob>().RunAsync(campaignId, CancellationToken.None);
                Console.WriteLine($"{campaignId}: {result}");
                return 0;
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
        }
        if (args is not [var path] || path.StartsWith('-'))
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        var time = services.GetRequiredService<TimeProvider>();
        var writer = new RecordingWriter(services.GetRequiredService<IImportWriter>());
        ImportResult imported;
        try
        {
            imported = await new InteractionImporter(writer, time).ImportAsync(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"{path}: {ex.Message}");
            return 2;
        }
        ImportVerb.Print(path, imported);
        var campaigns = await services.GetRequiredService<ActiveTriggers>().GetAsync(CancellationToken.None);
        var work = TriggerMatcher.Match(new AcceptedBatch(writer.Events, [], [], time.GetUtcNow()), campaigns);
        var processor = services.GetRequiredService<TriggerProcessor>();
        var total = TriggerResult.Empty;
        foreach (var chunk in work.Chunk(TriggerWorker.MaxBatch))
            total = total.Add(await processor.ProcessAsync(chunk, CancellationToken.None));
        Console.WriteLine($"triggers ({campaigns.Count} campaigns): {total}");
        return imported.EventsRead == 0 && imported.BadRows > 0 ? 1 : 0;
    }

    /// <summary>Stores through the real writer and remembers the events, in file order, to publish them after the import committed.</summary>
    private sealed class RecordingWriter(IImportWriter inner) : IImportWriter
    {
        public List<Interaction> Events { get; } = [];

        public Task<int> AddCustomersAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken) => inner.AddCustomersAsync(customers, cancellationToken);

        public Task<int> AddItemsAsync(IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken) => inner.AddItemsAsync(items, cancellationToken);

        public async Task<int> AddEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
        {
            var added = await inner.AddEventsAsync(events, cancellationToken);
            Events.AddRange(events.Select(e => e.Interaction));
            return added;
        }

        public Task UpsertCustomersAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken) => inner.UpsertCustomersAsync(customers, cancellationToken);

        public Task UpsertItemsAsync(IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken) => inner.UpsertItemsAsync(items, cancellationToken);
    }
}
