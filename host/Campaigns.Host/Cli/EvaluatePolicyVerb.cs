using System.Globalization;
using Campaigns.Learning;
using Campaigns.Learning.OffPolicy;
using Campaigns.Learning.OffPolicy.Timing;
using Campaigns.Storage;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>evaluate-policy &lt;campaign&gt; (--split a=0.2,b=0.8 | --always b | --candidate timing:fixed:10) [--reward click|conversion|purchase]</c>:
/// what another variant split or another timing strategy would have earned, estimated from the decision log by IPS,
/// self-normalised IPS and doubly robust.
/// </summary>
internal sealed class EvaluatePolicyVerb : ICliVerb
{
    private static readonly string[] Rewards = ["click", "conversion", "purchase"];

    public string Name => "evaluate-policy";
    public string Usage => "evaluate-policy <campaign> [--kind variant|slot] (--split a=0.2,b=0.8 | --always b | --candidate timing:fixed:10|timing:most-active|timing:bayes-hour-of-week) " +
        "[--reward click|conversion|purchase] [--feature segment] [--window-days 7]   off-policy value of another split or timing strategy";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string campaign, kind, reward;
        CandidatePolicy candidate;
        TimeSpan window;
        CliArgs cli;
        try
        {
            cli = new CliArgs(args, new HashSet<string>());
            if (cli.Positional.Count != 1) throw new ArgumentException("name one campaign");
            campaign = cli.Positional[0];
            var timing = cli.Get("candidate");
            kind = cli.Get("kind") ?? (timing is null ? DecisionKinds.Variant : DecisionKinds.Slot);
            if (kind is not (DecisionKinds.Variant or DecisionKinds.Slot or DecisionKinds.Items)) throw new ArgumentException($"--kind must be variant, slot or items, got '{kind}'");
            if ((timing is null) != (kind != DecisionKinds.Slot)) throw new ArgumentException("slot decisions are evaluated with --candidate timing:..., variant decisions with --split or --always");
            reward = cli.Get("reward") ?? "click";
            if (!Rewards.Contains(reward)) throw new ArgumentException($"--reward must be click, conversion or purchase, got '{reward}'");
            window = Reports.ReportRequest.Parse(cli.Get("window-days"), null).Window ?? TimeSpan.FromDays(7);
            candidate = (cli.Get("split"), cli.Get("always"), timing) switch
            {
                ({ } split, null, null) => CandidatePolicy.ParseSplit(split),
                (null, { } always, null) => CandidatePolicy.Always(always),
                (null, null, { } strategy) => TimingCandidate.Parse(strategy),
                _ => throw new ArgumentException($"give the candidate policy as one of --split a=0.2,b=0.8, --always b or --candidate {TimingCandidate.Forms}"),
            };
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message.Replace("windowDays:", "--window-days:", StringComparison.Ordinal));
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        var feature = cli.Get("feature");
        var purchases = services.GetRequiredService<IPurchaseWindows>();
        var log = new List<LoggedChoice>();
        var policies = new SortedSet<string>(StringComparer.Ordinal);
        var (mislogged, slotDecisions) = (0, 0L);
        await foreach (var batch in services.GetRequiredService<IDecisionLog>().ReadAsync(campaign, kind, 2_000, CancellationToken.None))
        {
            var bought = reward == "purchase"
                ? await purchases.TotalsAsync([.. batch.Select(o => new PurchaseWindow(o.Decision.CustomerId, o.Decision.At, o.Decision.At + window))], CancellationToken.None)
                : null;
            for (var i = 0; i < batch.Count; i++)
            {
                var (o, d) = (batch[i], batch[i].Decision);
                if (!(d.Probability > 0 && d.Probability <= 1))
                {
                    Console.Error.WriteLine($"decision {d.DeliveryKey} ({d.Kind}): logged probability {d.Probability} must be above 0 and at most 1; nothing estimated");
                    return 2;
                }
                // The chosen action's logged probability and its entry among the candidates are written together; a difference means a logging bug.
                policies.Add($"{d.Policy} {d.PolicyVersion}");
                var value = reward switch { "click" => o.Clicked, "conversion" => o.Conversions > 0, _ => bought![i].Purchases > 0 } ? 1 : 0;
                if (kind == DecisionKinds.Slot)
                {
                    slotDecisions++;
                    if (SlotChoices.From(d, value, out var wrong) is not { } slot) continue;
                    log.Add(feature is null ? slot : slot with { Cell = d.Features?.GetValueOrDefault(feature) });
                    mislogged += wrong ? 1 : 0;
                    continue;
                }
                // The chosen action's logged probability and its entry among the candidates are written together; a difference means a logging bug.
                if (d.Candidates?.TryGetValue(d.Chosen, out var listed) == true && Math.Abs(listed - d.Probability) > 1e-9) mislogged++;
                log.Add(new LoggedChoice(d.Chosen, d.Probability, value, feature is null ? null : d.Features?.GetValueOrDefault(feature)));
            }
        }
        if (slotDecisions > 0 && SlotChoices.Refusal(campaign, slotDecisions, log) is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            return 2;
        }
        if (log.Count == 0)
        {
            Console.Error.WriteLine($"campaign '{campaign}' has no logged {kind} decisions");
            return 1;
        }

        var estimate = OffPolicyEstimator.Estimate(log, candidate);
        if (slotDecisions > log.Count) Console.WriteLine(Invariant($"note: {slotDecisions - log.Count:N0} of {slotDecisions:N0} slot decisions logged no local hour (planned without timing.exploration) and are left out"));
        Console.WriteLine(Invariant($"evaluate-policy {campaign}: {estimate.Decisions:N0} {kind} decisions, reward = {reward}{(feature is null ? "" : $", doubly robust model per {feature}")}"));
        Console.WriteLine($"logged policy ({string.Join(", ", policies.Take(3))}{(policies.Count > 3 ? ", ..." : "")}): {Show(estimate.Logged)}");
        Console.WriteLine($"candidate {estimate.Policy}:");
        Console.WriteLine($"  IPS            {Show(estimate.Ips)}");
        Console.WriteLine($"  SNIPS          {Show(estimate.Snips)}");
        Console.WriteLine($"  doubly robust  {Show(estimate.DoublyRobust)}");
        Console.WriteLine(Invariant($"  mean weight {estimate.MeanWeight:0.000} (about 1 when the logged probabilities are right), effective sample size {estimate.EffectiveSampleSize:N0} ({estimate.EffectiveSampleSize / estimate.Decisions:P1})"));
        if (mislogged > 0) Console.WriteLine(Invariant($"warning: {mislogged:N0} decisions log a probability that differs from their own candidate list"));
        foreach (var warning in estimate.Warnings) Console.WriteLine("warning: " + warning);
        return 0;
    }

    private static string Show(Interval i) => Invariant($"{i.Estimate:0.0000} [{i.Low:0.0000}, {i.High:0.0000}]");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
