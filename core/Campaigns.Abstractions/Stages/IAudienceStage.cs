using Campaigns.Data;

namespace Campaigns.Stages;

/// <summary>Selects who a campaign is for.</summary>
public interface IAudienceStage : ICampaignStage
{
    /// <summary>Streams the audience in batches of at most <see cref="AudienceRequest.BatchSize"/> customers; each customer once.</summary>
    IAsyncEnumerable<IReadOnlyList<Customer>> SelectAsync(AudienceRequest request, CancellationToken cancellationToken);
}

/// <summary>How the pipeline wants the audience delivered.</summary>
/// <param name="BatchSize">Largest batch the pipeline wants.</param>
public sealed record AudienceRequest(int BatchSize);
