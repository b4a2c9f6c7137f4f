using Campaigns.Models;
using Hangfire;

namespace Campaigns.Host.Jobs;

/// <summary>
/// One retraining round of a configured stage (<see cref="RetrainingSchedule"/>): the argument is the entry's index,
/// so the job carries no data. A rejected candidate is a normal outcome (reported in the result and in
/// <c>models list</c>); a round that cannot run at all (no data, a stage without the feature) fails the job.
/// </summary>
public sealed class RetrainJob(ModelTrainer trainer, IServiceProvider services)
{
    /// <summary>Runs the round of entry <paramref name="stageIndex"/>.</summary>
    [AutomaticRetry(Attempts = 1)]
    [JobDisplayName("Retrain models of entry {0}")]
    public async Task<string> RunAsync(int stageIndex, CancellationToken cancellationToken)
    {
        var entry = services.GetRequiredService<RetrainingSchedule>().Stages.FirstOrDefault(s => s.Index == stageIndex)
            ?? throw new InvalidOperationException($"Campaigns:Retraining:Stages:{stageIndex} is not configured any more");
        var result = await trainer.RetrainAsync(entry.Stage, entry.Options, entry.Settings, cancellationToken);
        return $"{result.Model.Label} {result.Model.Status}: {result.Model.Reason}";
    }
}
