using System.Runtime.CompilerServices;
using Campaigns.Data;
using Campaigns.Plugins.Segmentation.Rules;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Segmentation;

/// <summary>
/// Streams the customers whose profile satisfies the rule. Profiles are read in pages and tested in memory by the
/// compiled rule; only the matching customers are fetched (all of a page's customers when the rule reads attributes).
/// The rule never becomes SQL, so nothing a marketer types can reach the database.
/// </summary>
internal sealed class RuleSegmentStage(StageContext context, RuleSegmentOptions options) : IAudienceStage
{
    private const int PageSize = 5_000;
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();
    private RuleProgram? _rule;

    /// <inheritdoc />
    public ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        if (context.Profiles is null)
            throw new InvalidOperationException("rule-segment needs customer profiles, and this host provides none (contract 1.3 or later)");
        _rule = RuleProgram.Compile(options.Expression, options.Evaluator == "interpreted");
        context.Logger.LogInformation("rule-segment: {Expression} (reads {Fields})", options.Expression, string.Join(", ", _rule.Fields));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<Customer>> SelectAsync(AudienceRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.BatchSize, 1);
        if (_rule is null) await PrepareAsync(cancellationToken);
        var rule = _rule!;
        var pending = new List<Customer>(request.BatchSize);
        await foreach (var page in context.Profiles!.ReadAllAsync(PageSize, cancellationToken))
        {
            pending.AddRange(await MatchingAsync(rule, page, cancellationToken));
            while (pending.Count >= request.BatchSize)
            {
                yield return pending[..request.BatchSize];
                pending.RemoveRange(0, request.BatchSize);
            }
        }
        if (pending.Count > 0) yield return pending.ToArray();
    }

    private async Task<IReadOnlyList<Customer>> MatchingAsync(RuleProgram rule, IReadOnlyList<CustomerProfile> page, CancellationToken cancellationToken)
    {
        if (!rule.UsesAttributes)
        {
            var ids = new List<string>();
            foreach (var profile in page) if (rule.Matches(profile, NoAttributes)) ids.Add(profile.CustomerId);
            return ids.Count == 0 ? [] : await context.Customers.GetManyAsync(ids, cancellationToken);
        }
        var customers = (await context.Customers.GetManyAsync([.. page.Select(p => p.CustomerId)], cancellationToken))
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
        // A profile whose customer is gone is left out: the audience is made of customers.
        return [.. page.Where(p => customers.TryGetValue(p.CustomerId, out var c) && rule.Matches(p, c.Attributes)).Select(p => customers[p.CustomerId])];
    }
}
