using Campaigns.Data;
using Campaigns.Plugins.Recommenders.Model;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// Implicit ALS matrix factorisation. <see cref="PrepareAsync"/> reads the events once and fits customer and item
/// profiles; a batch then costs one dot product per customer and item, no data access. Trained apart
/// (<see cref="ITrainableStage"/>), the item profiles come from the stored model and each customer's profile is folded in
/// from their current items: no alternating rounds at run time.
/// </summary>
internal sealed class IalsStage(StageContext context, IalsOptions options) : IRecommenderStage, ITrainableStage
{
    private Model? _model;
    private IalsModel? _trained;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var log = await EventLog.ReadAsync(context.Interactions, new InteractionQuery(Types: options.EventTypes), _ => 1, cancellationToken);
        var matrix = SparseMatrix.FromLog(log, latestWins: false);
        var popularity = new Popularity(log, matrix);
        if (_trained is not null)
        {
            _model = Attach(log, popularity, matrix, _trained, cancellationToken);
            return;
        }
        var (customers, items) = ImplicitAls.Fit(matrix, options, cancellationToken);
        _model = new Model(log, popularity, matrix, customers, items);
        context.Logger.LogInformation("ials: {Customers} customers, {Items} items, {Factors} factors, {Iterations} rounds in {Elapsed}",
            log.Customers.Count, log.Items.Count, options.Factors, options.Iterations, context.Time.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (_model is null) await PrepareAsync(cancellationToken);
        var m = _model!;
        var f = options.Factors;
        var itemCount = m.Log.Items.Count;
        var trigger = m.Log.Items.Find(request.TriggerItemId);
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        for (var c = 0; c < customers.Count; c++)
        {
            var u = m.Log.Customers.Find(customers[c].Id);
            var candidates = new List<Candidate>(u < 0 ? 0 : itemCount);
            if (u >= 0)
            {
                var profile = m.Customers.AsSpan(u * f, f);
                // Only positive predictions are personal: the rest would rank below the popular back-fill anyway.
                for (var i = 0; i < itemCount; i++)
                {
                    var score = Vectors.Dot(profile, m.Items.AsSpan(i * f, f));
                    if (score > 0) candidates.Add(new Candidate(i, score));
                }
            }
            lists[c] = ListBuilder.Build(candidates, request.Count, trigger, m.Popularity, m.Log.Items, _ => "similar-taste");
        }
        return lists;
    }

    /// <inheritdoc />
    public async Task<TrainedModel> TrainAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        // The host's readers already see only the window, so fitting is what PrepareAsync does. The stage then serves
        // as a loaded model would (customers folded in from the stored item profiles), so the gate measures the artefact.
        _trained = null;
        await PrepareAsync(cancellationToken);
        var m = _model!;
        _trained = new IalsModel(m.Log.Items, options.Factors, m.Items);
        _model = Attach(m.Log, m.Popularity, m.Matrix, _trained, cancellationToken);
        return new TrainedModel(IalsModel.Format, _trained.Write())
        {
            Stats = new Dictionary<string, double> { ["items"] = m.Log.Items.Count, ["customers"] = m.Log.Customers.Count, ["factors"] = options.Factors },
        };
    }

    /// <inheritdoc />
    public void LoadModel(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Format != IalsModel.Format) throw new InvalidDataException($"ials reads models of format {IalsModel.Format}, not {model.Format}");
        var stored = IalsModel.Read(model.Artefact);
        if (stored.Factors != options.Factors) throw new InvalidDataException($"the ials model has {stored.Factors} factors, the options ask for {options.Factors}");
        (_trained, _model) = (stored, null);
    }

    private Model Attach(EventLog log, Popularity popularity, SparseMatrix matrix, IalsModel trained, CancellationToken cancellationToken)
    {
        var items = trained.Align(log.Items);
        return new Model(log, popularity, matrix, ImplicitAls.FoldIn(matrix, items, options, cancellationToken), items);
    }

    /// <summary>Ids, popularity, the customer × item matrix and the profiles (row-major, <c>Factors</c> numbers a row).</summary>
    private sealed record Model(EventLog Log, Popularity Popularity, SparseMatrix Matrix, double[] Customers, double[] Items);
}
