using Campaigns.Learning.Reporting;
using Campaigns.Storage;

namespace Campaigns.Host.Reports;

/// <summary>
/// Builds a campaign's experiment report in one pass over its variant decisions: each batch of the decision log comes
/// with its outcomes (ledger state, open, click, attributed purchases); its purchases within the window are read in
/// one query; the batch is added to an <see cref="ExperimentTally"/> and dropped.
/// </summary>
internal sealed class CampaignReporter(IDecisionLog log, IPurchaseWindows purchases, AttributionWindows windows)
{
    private const int BatchSize = 2_000;

    /// <summary>The window used when none is asked for: the click attribution window, the longest a message is credited for.</summary>
    public TimeSpan DefaultWindow => windows.Click;

    /// <summary>The report, or null when the campaign has no variant decisions logged.</summary>
    public async Task<ExperimentReport?> BuildAsync(string campaignId, ReportRequest request, CancellationToken cancellationToken)
    {
        var window = request.Window ?? DefaultWindow;
        var tally = new ExperimentTally();
        await foreach (var batch in log.ReadAsync(campaignId, DecisionKinds.Variant, BatchSize, cancellationToken))
        {
            var totals = await purchases.TotalsAsync(
                [.. batch.Select(o => new PurchaseWindow(o.Decision.CustomerId, o.Decision.At, o.Decision.At + window))], cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                var o = batch[i];
                tally.Add(new RecipientOutcome(o.Decision.Chosen, o.Decision.At, o.DeliveryState == "sent", o.Opened, o.Clicked,
                    totals[i].Purchases, totals[i].Revenue, o.Conversions, o.Revenue) { CustomerId = o.Decision.CustomerId });
            }
        }
        return tally.Recipients == 0 ? null : tally.Build(campaignId, window, request.TargetLift);
    }
}

/// <summary>What a report is asked for: the conversion window (default: the click attribution window) and the lift to detect.</summary>
internal sealed record ReportRequest(TimeSpan? Window, double TargetLift)
{
    /// <summary>Reads <c>windowDays</c> and <c>mde</c> as given (null: the default); the message names the field that is wrong.</summary>
    public static ReportRequest Parse(string? windowDays, string? mde)
    {
        TimeSpan? window = null;
        if (windowDays is not null)
        {
            if (!double.TryParse(windowDays, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var days) || days is <= 0 or > 366)
                throw new ArgumentException($"windowDays: '{windowDays}' must be a number of days above 0 and at most 366");
            window = TimeSpan.FromDays(days);
        }
        var lift = 0.1;
        if (mde is not null && (!double.TryParse(mde, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out lift) || lift is <= 0 or > 10))
            throw new ArgumentException($"mde: '{mde}' must be a relative lift above 0 and at most 10 (0.1 means +10%)");
        return new ReportRequest(window, lift);
    }
}
