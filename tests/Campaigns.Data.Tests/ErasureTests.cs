using System.Data.Common;
using System.Globalization;
using System.Text;
using Campaigns.Data.Access;
using Campaigns.Data.Tests.Fixtures;
using Campaigns.Models;
using Campaigns.Privacy;
using Campaigns.Storage;
using Campaigns.Tracking;
using Dapper;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>
/// The right to be forgotten, proved by reading the whole database back: after erasure no column of any table (found
/// from the database's own catalogue) holds the customer's id, e-mail or phone; others are untouched; the id, imported
/// again, is refused by the planner's suppression check.
/// </summary>
public abstract class ErasureTests(DatabaseFixture fixture)
{
    private readonly ICustomerEraser _eraser = fixture.Get<ICustomerEraser>();
    private readonly IImportWriter _import = fixture.Get<IImportWriter>();
    private readonly ILedgerStore _ledger = fixture.Get<ILedgerStore>();
    private readonly ISuppressionStore _suppressions = fixture.Get<ISuppressionStore>();
    private readonly SuppressionCheck _check = new(fixture.Get<ISuppressionStore>(), fixture.Get<ICustomerIdHasher>());

    [Fact]
    public async Task Erasing_a_customer_leaves_no_trace_of_id_email_or_phone_in_any_table_and_keeps_counts()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (zed, email, phone) = ($"zq-{tag}-forget", $"zebedee.{tag}@quill.example", "+4477" + (BitConverter.ToUInt32(Guid.NewGuid().ToByteArray()) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture));
        var bystander = Unique("amy");
        var campaign = Unique("spring");
        await _import.AddCustomersAsync([
            new Customer(zed) { Email = email, Phone = phone, Consent = new Dictionary<string, bool> { ["email"] = true },
                Attributes = new Dictionary<string, string> { ["name"] = "Zebedee Quill", ["note"] = $"reach me at {email} or {phone}" } },
            Customer(bystander)], default);
        var sent = await SentAsync(campaign, zed, email);
        var other = await SentAsync(campaign, bystander, bystander + "@example.com");
        var later = Entry(Unique("winter"), zed, T0.AddDays(5)) with { Address = email, Body = "Hi " + email, ChannelKind = "email" };
        await _ledger.InsertAsync([later], default);
        await _import.AddEventsAsync([
            new StoredEvent(TrackingEvents.ClickId(sent, "https://shop/lamp", T0.AddHours(1)), new Interaction(zed, "lamp", "click", T0.AddHours(1))),
            new StoredEvent($"order-{zed}-1", new Interaction(zed, "lamp", "purchase", T0.AddHours(2), 1, 30m)),
            new StoredEvent($"order-{bystander}-1", new Interaction(bystander, "lamp", "purchase", T0.AddHours(2), 1, 30m))], default);
        Assert.Equal(2, await fixture.Get<IAttributionStore>().AttributeAsync(T0, T0.AddDays(1), AttributionWindows.Default, default));
        await fixture.Get<IDecisionLog>().AppendAsync([
            new LoggedDecision(sent, campaign, 1, "o1", zed, DecisionKinds.Variant, "thompson", "1", "b", 0.5, T0)
            { Features = new Dictionary<string, string> { ["email"] = email } }], default);
        await _suppressions.AddAsync([new Suppression(zed, "sms", SuppressionReasons.Complained, T0, $"complaint from {phone}")], default);
        var models = fixture.Get<IModelRegistry>();
        var trainedOnZed = await LiveModelAsync(models, Unique("item-knn"), Encoding.UTF8.GetBytes($"\u0001\u0002{zed}\u0003"));
        var trainedOnOthers = await LiveModelAsync(models, Unique("item-knn"), Encoding.UTF8.GetBytes(bystander));
        var before = await CountsAsync(campaign);

        var report = await _eraser.EraseAsync(zed, default);

        Assert.Equal(ErasureOutcome.Erased, report.Outcome);
        Assert.Equal(1, Rows(report, "customers"));
        Assert.Equal(2, Rows(report, "events"));
        Assert.Equal(2, Rows(report, "deliveries", "address, subject, body, detail removed, id hashed"));
        Assert.Empty(await FindEverywhereAsync(zed, email, phone, "Zebedee"));
        // A model trained on the customer's data is withdrawn (no longer live, no artefact); one trained on others stays.
        Assert.Equal((ModelStatus.Retired, 0L), ((await models.GetAsync(trainedOnZed, default))!.Status, (await models.GetAsync(trainedOnZed, default))!.Size));
        Assert.Equal(ModelStatus.Live, (await models.GetAsync(trainedOnOthers, default))!.Status);
        // Kept for counts: the campaign still sent two messages and earned two purchases.
        Assert.Equal(before, await CountsAsync(campaign));
        var kept = await _ledger.FindAsync(LedgerEntry.KeyOf(campaign, "o1", report.HashedId, "main"), default);
        Assert.Equal((DeliveryState.Sent, (string?)null, (string?)null), (kept!.State, kept.Address, kept.Body));
        var cancelled = await _ledger.FindAsync(LedgerEntry.KeyOf(later.CampaignId, "o1", report.HashedId, "main"), default);
        Assert.Equal((DeliveryState.Suppressed, "suppressed:erased"), (cancelled!.State, cancelled.Reason));
        // The bystander is untouched.
        var theirs = await _ledger.FindAsync(other, default);
        Assert.Equal((bystander, bystander + "@example.com"), (theirs!.CustomerId, theirs.Address));
        Assert.Single(await fixture.Get<ICustomerReader>().GetManyAsync([bystander], default));

        // Imported again, the id is refused on every kind, by the same check the planner makes.
        await _import.AddCustomersAsync([new Customer(zed) { Email = email }], default);
        Assert.Equal(SuppressionReasons.Erased, (await _check.FindAsync([zed, bystander], "email", default))[zed]);
        Assert.Equal(new Dictionary<string, string> { [zed] = "erased" }, await _check.FindAsync([zed, bystander], "push", default));
    }

    [Fact]
    public async Task Erasing_twice_is_harmless_and_an_unknown_id_is_reported_as_such_with_nothing_written()
    {
        var ann = Unique("ann");
        await _import.AddCustomersAsync([Customer(ann)], default);

        Assert.Equal(ErasureOutcome.Erased, (await _eraser.EraseAsync(ann, default)).Outcome);
        var again = await _eraser.EraseAsync(ann, default);
        Assert.Equal(ErasureOutcome.AlreadyErased, again.Outcome);
        Assert.All(again.Steps, s => Assert.Equal(0, s.Rows));
        Assert.Equal("erased", Assert.Single(await _suppressions.ListAsync(again.HashedId, 10, default)).Reason);

        var nobody = Unique("nobody");
        var unknown = await _eraser.EraseAsync(nobody, default);
        Assert.Equal(ErasureOutcome.Unknown, unknown.Outcome);
        Assert.Empty(await _suppressions.ListAsync(unknown.HashedId, 10, default));
        Assert.Empty(await _check.FindAsync([nobody], "email", default));
    }

    private async Task<string> SentAsync(string campaign, string customer, string address)
    {
        var entry = Entry(campaign, customer, T0) with { ItemIds = ["lamp"], ChannelKind = "email", Address = address, Body = $"Hello {address}, see the lamp" };
        await _ledger.InsertAsync([entry], default);
        var claimed = await _ledger.ClaimDueAsync(new ClaimRequest(T0, 10, "w", TimeSpan.FromMinutes(5), campaign), default);
        await _ledger.CompleteAsync([.. claimed.Select(c => new LedgerCompletion(c.Key, DeliveryState.Sent, $"250 ok for {address}", T0))], default);
        return entry.Key;
    }

    private static async Task<long> LiveModelAsync(IModelRegistry models, string stage, byte[] artefact)
    {
        var candidate = await models.AddCandidateAsync(new ModelCandidate(stage, "h", "{}", T0, T0.AddDays(1), "ndcg@10",
            new Dictionary<string, double> { ["ndcg@10"] = 0.1 }, new Dictionary<string, double>(), "test/1", artefact), T0, default);
        return (await models.DecideAsync(candidate.Id, null, promote: true, "test", default)).Id;
    }

    private static int Rows(ErasureReport report, string table, string? action = null) =>
        report.Steps.Where(s => s.Table == table && (action is null || s.Action == action)).Sum(s => s.Rows);

    private async Task<(long Sent, long Outcomes, long Attributed, long Decisions)> CountsAsync(string campaign)
    {
        await using var connection = await fixture.Get<ISqlDatabase>().OpenAsync(default);
        return (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM deliveries WHERE campaign_id = @campaign AND state = 'sent'", new { campaign }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM delivery_outcomes o JOIN deliveries d ON d.key = o.delivery_key WHERE d.campaign_id = @campaign", new { campaign }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM attributions WHERE campaign_id = @campaign", new { campaign }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM decisions WHERE campaign_id = @campaign", new { campaign }));
    }

    /// <summary>Every "table.column: value" of the whole database whose text contains one of <paramref name="needles"/>.</summary>
    private async Task<List<string>> FindEverywhereAsync(params string[] needles)
    {
        var database = fixture.Get<ISqlDatabase>();
        await using var connection = await database.OpenAsync(default);
        var tables = database.Provider == DatabaseProvider.PostgreSql
            ? await connection.QueryAsync<string>("SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
            : await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var text = Text(reader, i);
                    if (text is not null && needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                        found.Add($"{table}.{reader.GetName(i)}: {text}");
                }
            }
        }
        Assert.Contains("deliveries", tables);
        return found;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetValue(column) switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        var value => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}

public sealed class SqliteErasureTests(SqliteFixture fixture) : ErasureTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresErasureTests(PostgresFixture fixture) : ErasureTests(fixture), IClassFixture<PostgresFixture>;
