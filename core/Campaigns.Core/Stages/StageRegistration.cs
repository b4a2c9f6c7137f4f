namespace Campaigns.Stages;

/// <summary>A stage some plugin (or the core) registered, with what it takes to build it.</summary>
/// <param name="Kind">Which slot it fills.</param>
/// <param name="Key">The key campaign definitions use.</param>
/// <param name="Description">What it does, for the dashboard.</param>
/// <param name="PluginId">Who provided it (<c>core</c> for built-ins).</param>
/// <param name="OptionsType">Its options class, bound from the definition.</param>
/// <param name="Create">Builds the stage for one run from bound, validated options.</param>
public sealed record StageRegistration(
    StageKind Kind,
    string Key,
    string Description,
    string PluginId,
    Type OptionsType,
    Func<StageContext, object, ICampaignStage> Create);
