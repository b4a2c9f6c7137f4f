using Campaigns.Campaign;
using Campaigns.Stages;

namespace Campaigns.Evaluation;

/// <summary>Looks recommender keys up and binds their options with the campaign binder, for the offline verbs.</summary>
internal static class StageResolver
{
    /// <summary>Every key resolved with its bound options, in order; all problems are reported at once.</summary>
    /// <exception cref="EvaluationException">A key is unknown or its options are invalid (the message lists every problem).</exception>
    public static List<(StageRegistration Stage, object Options)> Resolve(StageRegistry registry, IReadOnlyList<AlgorithmChoice> algorithms)
    {
        if (algorithms.Count == 0) throw new EvaluationException("no algorithm to evaluate: no recommender stage is loaded");
        var errors = new List<string>();
        var resolved = new List<(StageRegistration, object)>();
        foreach (var choice in algorithms)
        {
            if (!registry.TryGet(StageKind.Recommender, choice.Key, out var stage))
            {
                var known = registry.All.Where(s => s.Kind == StageKind.Recommender).Select(s => s.Key);
                errors.Add($"{choice.Key}: no recommender stage has this key (loaded: {string.Join(", ", known)})");
                continue;
            }
            var bindErrors = new List<DefinitionError>();
            var options = StageOptionsBinder.Bind(stage.OptionsType, choice.Options, choice.Key, bindErrors);
            errors.AddRange(bindErrors.Select(e => e.ToString()));
            if (options is not null) resolved.Add((stage, options));
        }
        if (errors.Count > 0) throw new EvaluationException(string.Join(Environment.NewLine, errors));
        return resolved;
    }
}
