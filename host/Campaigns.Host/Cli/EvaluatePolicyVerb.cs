using System.Globalization;
using Campaigns.Learning;
using Campaigns.Learning.OffPolicy;
using Campaigns.Storage;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>evaluate-policy &lt;campaign&gt; --kind variant (--split a=0.2,b=0.8 | --always b) [--reward click|conversion|purchase]</c>:
/// what another policy would have earned, estimated from the decision log by IPS, self-normalised IPS and doubly robust.
/// </summary>
internal sealed class EvaluatePolicyVerb : ICliVerb
{
    private static readonly string[] Rewards = ["click", "conversion", "purchase"];

    public string Name => "evaluate-policy";
    public string Usage => "evaluate-policy <campaign> [--kind variant] (--split a=0.2,b=0.8 | --always b) [--reward click|conversion|purchase] [--feature segment] [--window-days 7]   off-policy value of another split";

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
            kind = cli.Get("kind") ?? DecisionKinds.Variant;
            if (kind is not (DecisionKinds.Variant or DecisionKinds.Slot or DecisionKinds.Items)) throw new ArgumentException($"--kind must be variant, slot or items, got '{kind}'");
            reward = cli.Get("reward") ?? "click";
            if (!Rewards.Contains(reward)) throw new ArgumentException($"--reward must be click, conversion or purchase, got '{reward}'");
            window = Reports.ReportRequest.Parse(cli.Get("window-days"), null).Window ?? TimeSpan.FromDays(7);
            candidate = (cli.Get("split"), cli.Get("always")) switch
            {
                ({ } split, null) => CandidatePolicy.ParseSplit(split),
                (null, { } always) => CandidatePolicy.Always(always),
                _ => throw new ArgumentException("give the candidate policy as one of --split a=0.2,b=0.8 or --always b"),
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
        var mislogged = 0;
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
                if (d.Candidates?.TryGetValue(d.Chosen, out var listed) == true && Math.Abs(listed - d.Probability) > 1e-9) mislogged++;
                policies.Add($"{d.Policy} {d.PolicyVersion}");
                var value = reward switch { "click" => o.Clicked, "conversion" => o.Conversions > 0, _ => bought![i].Purchases > 0 } ? 1 : 0;
                log.Add(new LoggedChoice(d.Chosen, d.Probability, value, feature is null ? null : d.Features?.GetValueOrDefault(feature)));
            }
        }
        if (log.Count == 0)
        {
            Console.Error.WriteLine($"campaign '{campaign}' has no logged {kind} decisions");
            return 1;
        }

        var estimate = OffPolicyEstimator.Estimate(log, candidate);
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
