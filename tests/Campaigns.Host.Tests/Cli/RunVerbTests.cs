using System.Text.Json;
using Campaigns.Data;
using Campaigns.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Cli;

/// <summary>
/// The acceptance path of a fresh clone, through the real executable: import the bundled sample, <c>run</c> the
/// sample campaign, get one rendered message per eligible customer naming real catalogue items, and nothing twice on
/// a second run. Once on SQLite (the embedded default) and once on PostgreSQL.
/// </summary>
public sealed class RunVerbTests
{
    [Fact]
    public async Task Sample_campaign_runs_end_to_end_once_on_sqlite()
    {
        using var host = new HostProcess();
        await RunSampleTwiceAsync(host, CampaignsDatabase.SqliteFile(Path.Combine(host.DataFolder, CampaignsDatabase.SqliteFileName)));
    }

    [Fact]
    public async Task Sample_campaign_runs_end_to_end_once_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var host = new HostProcess(database.ConnectionString);
        await RunSampleTwiceAsync(host, CampaignsDatabase.PostgreSql(database.ConnectionString));
    }

    private static async Task RunSampleTwiceAsync(HostProcess host, CampaignsDatabase database)
    {
        var import = await host.RunAsync("import", Repo.SampleData);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("events added 34,513", import.Out);

        var first = await host.RunAsync("run", Repo.SampleCampaign);
        Assert.True(first.ExitCode == 0, first.ToString());
        var messages = ReadOutbox(host.Outbox);
        Assert.NotEmpty(messages);
        Assert.Contains($"planned {messages.Count}, already in ledger 0", first.Out);
        Assert.Contains($"delivered: {messages.Count} sent", first.Out);
        Assert.Equal(messages.Count, messages.Select(m => m.CustomerId).Distinct().Count());

        // Every message names real catalogue items, by their titles.
        await using var services = new ServiceCollection().AddCampaignsData(database).BuildServiceProvider();
        var catalog = services.GetRequiredService<ICatalogReader>();
        foreach (var message in messages.Take(25))
        {
            Assert.Equal(3, message.ItemIds.Count);
            var items = await catalog.GetManyAsync(message.ItemIds, CancellationToken.None);
            Assert.Equal(3, items.Count);
            foreach (var item in items) Assert.Contains(item.Title, message.Body, StringComparison.Ordinal);
            Assert.Contains(items.Single(i => i.Id == message.ItemIds[0]).Title, message.Subject, StringComparison.Ordinal);
        }

        var second = await host.RunAsync("run", Repo.SampleCampaign);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"planned 0, already in ledger {messages.Count}", second.Out);
        Assert.Contains("delivered: 0 sent", second.Out);
        Assert.Equal(messages.Count, ReadOutbox(host.Outbox).Count);
    }

    [Fact]
    public async Task An_invalid_definition_is_rejected_with_every_error_and_its_path()
    {
        using var host = new HostProcess();
        var definition = Path.Combine(host.Folder, "bad.json");
        var json = (await File.ReadAllTextAsync(Repo.SampleCampaign))
            .Replace("\"most-popular\"", "\"most-popularr\"", StringComparison.Ordinal)
            .Replace("\"days\": 90", "\"days\": -1", StringComparison.Ordinal);
        await File.WriteAllTextAsync(definition, json);

        foreach (var verb in new[] { "validate", "run" })
        {
            var result = await host.RunAsync(verb, definition);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("$.recommender.key: no loaded plugin provides a recommender stage 'most-popularr' (available: buy-again, content-based, ease, hybrid, ials, item-knn, most-popular, reranker, trending, user-knn)", result.Error);
            Assert.Contains("$.audience.options.days:", result.Error);
        }
        Assert.False(File.Exists(host.Outbox));
    }

    [Fact]
    public async Task A_hybrids_bad_child_key_and_child_option_are_reported_with_their_paths()
    {
        using var host = new HostProcess();
        var definition = Path.Combine(host.Folder, "bad-hybrid.json");
        const string hybrid = """{ "key": "hybrid", "count": 3, "options": { "stages": [ { "key": "buy-again", "options": { "halfLifeDays": 0 } }, { "key": "nope" } ] } }""";
        var json = (await File.ReadAllTextAsync(Repo.SampleCampaign))
            .Replace("""{ "key": "most-popular", "count": 3, "options": { "windowDays": 30 } }""", hybrid, StringComparison.Ordinal);
        await File.WriteAllTextAsync(definition, json);

        var result = await host.RunAsync("validate", definition);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.recommender.options.stages[0].options.halfLifeDays:", result.Error);
        Assert.Contains("$.recommender.options.stages[1].key: 'nope' is not a recommender the hybrid can blend", result.Error);
    }

    [Fact]
    public async Task Unknown_verbs_and_missing_files_get_a_clear_message()
    {
        using var host = new HostProcess();
        var unknown = await host.RunAsync("sned");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown verb 'sned'", unknown.Error);
        var missing = await host.RunAsync("run", "nope.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file: nope.json", missing.Error);
    }

    internal static List<OutboxMessage> ReadOutbox(string path) =>
        File.Exists(path)
            ? [.. File.ReadLines(path).Select(line => JsonSerializer.Deserialize<OutboxMessage>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)]
            : [];

    internal sealed record OutboxMessage(string Key, string CustomerId, string? Subject, string Body, IReadOnlyList<string> ItemIds);
}
