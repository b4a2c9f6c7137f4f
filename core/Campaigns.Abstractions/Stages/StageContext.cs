using Campaigns.Data;
using Microsoft.Extensions.Logging;

namespace Campaigns.Stages;

/// <summary>
/// What the host hands a stage factory: read-only data access, the clock, a logger and the campaign being run.
/// New members are only ever added here, never removed, so plugins built against an older minor version keep working.
/// </summary>
public sealed class StageContext
{
    /// <summary>Customers, read-only.</summary>
    public required ICustomerReader Customers { get; init; }

    /// <summary>The catalogue, read-only.</summary>
    public required ICatalogReader Catalog { get; init; }

    /// <summary>Behaviour events, read-only.</summary>
    public required IInteractionReader Interactions { get; init; }

    /// <summary>The clock. Stages never read the system clock directly, so schedules are testable.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>A logger named after the stage.</summary>
    public required ILogger Logger { get; init; }

    /// <summary>The campaign run this stage serves.</summary>
    public required CampaignRunInfo Run { get; init; }

    /// <summary>A folder the stage may write files to (outboxes, caches); it exists.</summary>
    public required string DataFolder { get; init; }

    /// <summary>Customer profiles (RFM, affinities, engagement...), read-only; null on a host that keeps none (added in 1.3).</summary>
    public IProfileReader? Profiles { get; init; }
}

/// <summary>Which campaign run a stage serves.</summary>
/// <param name="CampaignId">The campaign's id.</param>
/// <param name="CampaignVersion">The version of its definition.</param>
/// <param name="Occurrence">Which occurrence of the schedule, e.g. <c>once</c> or <c>2026-12-01T10:00:00Z</c>.</param>
public sealed record CampaignRunInfo(string CampaignId, int CampaignVersion, string Occurrence);
