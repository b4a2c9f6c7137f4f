using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>
/// <c>ingest</c> takes NDJSON through the API's validation: a bad line is reported as file:line: field: message and
/// nothing is stored; a good file is stored once however often it is ingested. <c>api-key</c> creates, lists and revokes.
/// </summary>
public sealed class IngestVerbTests
{
    private const string Good = """
        {"id":"o-1","customerId":"ann","type":"purchase","itemId":"sku-1","occurredAt":"2026-11-30T08:00:00Z","quantity":2,"value":9.5}

        {"customerId":"ann","type":"session_start","occurredAt":"2026-11-30T08:01:00Z"}
        {"customerId":"bob","type":"view","itemId":"sku-2","occurredAt":"2026-11-30T08:02:00Z"}
        """;

    [Fact]
    public async Task A_bad_line_is_reported_with_its_number_and_nothing_is_stored_on_sqlite()
    {
        using var host = new HostProcess();
        await IngestAsync(host);
    }

    [Fact]
    public async Task A_bad_line_is_reported_with_its_number_and_nothing_is_stored_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var host = new HostProcess(database.ConnectionString);
        await IngestAsync(host);
    }

    private static async Task IngestAsync(HostProcess host)
    {
        var file = Path.Combine(host.Folder, "events.ndjson");
        await File.WriteAllTextAsync(file, Good + "\n" + """{"customerId":"cy","type":"view","itemId":"sku-3","occurredAt":"2026-11-30T08:03:00Z","quantity":"lots"}""" + "\n{not json\n");
        var bad = await host.RunAsync("ingest", "events", file);
        Assert.True(bad.ExitCode == 1, bad.ToString());
        Assert.Contains($"{file}:5: quantity: must be a number", bad.Error, StringComparison.Ordinal);
        Assert.Contains($"{file}:6: is not valid JSON", bad.Error, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, Good);
        var first = await host.RunAsync("ingest", "events", file);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("3 records: stored 3, duplicates 0", first.Out, StringComparison.Ordinal);
        var again = await host.RunAsync("ingest", "events", file);
        Assert.Contains("3 records: stored 0, duplicates 3", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_is_printed_once_listed_by_name_and_revoked()
    {
        using var host = new HostProcess();
        var created = await host.RunAsync("api-key", "create", "shop", "--scopes", "events:write,catalog:write");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.StartsWith("cmp_", created.Out.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, (await host.RunAsync("api-key", "create", "other", "--scopes", "events:read")).ExitCode);

        var listed = await host.RunAsync("api-key", "list");
        Assert.Contains("shop\tevents:write,catalog:write", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Out.Trim(), listed.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await host.RunAsync("api-key", "revoke", "shop")).ExitCode);
        Assert.Contains("revoked", (await host.RunAsync("api-key", "list")).Out, StringComparison.Ordinal);
        Assert.Equal(2, (await host.RunAsync("api-key", "revoke", "shop")).ExitCode);
    }
}
