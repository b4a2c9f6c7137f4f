using Campaigns.Data;
using Campaigns.Plugins.Timing.History;
using Campaigns.Plugins.Timing.Slots;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Timing.Bayes;

/// <summary>
/// Per-customer Bayesian hour-of-week model with a fitted population prior and Thompson-sampling exploration. The prior
/// (P, α, β) is what is trained and stored (<see cref="ITrainableStage"/>); each customer's own moments are read fresh
/// at every run, so a stored prior still follows what customers did since it was trained.
/// </summary>
internal sealed class BayesHourOfWeekStage(StageContext context, BayesHourOfWeekOptions options) : ISendTimeStage, ITrainableStage
{
    private readonly Zones _zones = new();
    private ActivityLog? _log;
    private HourOfWeekPrior? _prior;

    /// <summary>The fitted prior (after <see cref="PrepareAsync"/>).</summary>
    internal HourOfWeekPrior Prior => _prior ?? throw new InvalidOperationException("not prepared");

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        _log = await ActivityLog.LoadAsync(context, _zones, now.AddDays(-options.Days), now, options.EventWeights, cancellationToken);
        _prior ??= HourOfWeekPrior.Fit(_log, options.MaxFitCustomers);
        context.Logger.LogInformation("bayes-hour-of-week: {Customers} customers, prior strengths alpha {Alpha:0.###} beta {Beta:0.###}",
            _log.Customers, _prior.Alpha, _prior.Beta);
    }

    /// <inheritdoc />
    public async Task<TrainedModel> TrainAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The clock reads the window's end while training, so the options' Days count back from there.
        _prior = null;
        await PrepareAsync(cancellationToken);
        return new TrainedModel(HourOfWeekPrior.Format, Prior.Write())
        {
            Stats = new Dictionary<string, double> { ["customers"] = _log!.Customers, ["alpha"] = Prior.Alpha, ["beta"] = Prior.Beta },
        };
    }

    /// <inheritdoc />
    public void LoadModel(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Format != HourOfWeekPrior.Format) throw new InvalidDataException($"bayes-hour-of-week reads models of format {HourOfWeekPrior.Format}, not {model.Format}");
        _prior = HourOfWeekPrior.Read(model.Artefact);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SendTimeDecision>> ChooseAsync(IReadOnlyList<Customer> customers, SendTimeRequest request, CancellationToken cancellationToken)
    {
        if (_log is null) await PrepareAsync(cancellationToken);
        var from = Candidates.From(request, context.Time.GetUtcNow());
        var decisions = new SendTimeDecision[customers.Count];
        for (var i = 0; i < customers.Count; i++) decisions[i] = Choose(customers[i], from, request.Deadline);
        return decisions;
    }

    private SendTimeDecision Choose(Customer customer, DateTimeOffset from, DateTimeOffset? deadline)
    {
        var zone = _zones.Resolve(customer.TimeZone);
        var counts = SlotCounts.Of(_log!.For(customer.Id));
        var posterior = _prior!.Posterior(counts);
        var total = posterior.Sum();
        var candidates = Candidates.Hourly(from, deadline, options.HorizonHours, zone);
        // Score: the posterior mean of the slot, the expected share of the customer's attention that falls in it.
        var scores = candidates.Select(c => posterior[c.Slot] / total).ToArray();

        int chosen;
        double? probability = null;
        var mode = "mean";
        if (options.Exploration == "thompson")
        {
            var slots = candidates.Select(c => c.Slot).ToArray();
            (chosen, var p) = Thompson.Choose(random => _prior.Sample(counts, slots, random), options.ProbabilityDraws,
                $"{options.Seed}|{customer.Id}|{context.Run.Occurrence}");
            probability = p;
            mode = "thompson";
        }
        else chosen = Decisions.Best(scores);

        var reason = $"bayes:{mode} {HourOfWeek.Label(candidates[chosen].Slot)} {zone.Label};moments={counts.Total:0.#}";
        return Decisions.Build(candidates, scores, chosen, candidates[chosen].Start, reason, probability, options.Alternatives);
    }
}
