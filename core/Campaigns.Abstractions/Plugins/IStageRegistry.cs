using Campaigns.Stages;

namespace Campaigns.Plugins;

/// <summary>
/// Where a plugin declares its stages. Each stage has a unique key that campaign definitions name, an options
/// class bound from the definition's <c>options</c> object, and a factory that builds the stage for one campaign run.
/// </summary>
/// <remarks>
/// Options are bound with System.Text.Json (camelCase, case-insensitive) and validated with
/// System.ComponentModel.DataAnnotations attributes and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>
/// when a campaign definition is validated, so a bad option is reported with its JSON path before anything runs.
/// </remarks>
public interface IStageRegistry
{
    /// <summary>Adds an audience stage: who the campaign is for.</summary>
    void AddAudience<TOptions>(StageInfo info, Func<StageContext, TOptions, IAudienceStage> factory) where TOptions : class, new();

    /// <summary>Adds a rule stage: an eligibility gate that says why a customer is not sent to.</summary>
    void AddRule<TOptions>(StageInfo info, Func<StageContext, TOptions, IRuleStage> factory) where TOptions : class, new();

    /// <summary>Adds a recommender stage: which items each customer gets.</summary>
    void AddRecommender<TOptions>(StageInfo info, Func<StageContext, TOptions, IRecommenderStage> factory) where TOptions : class, new();

    /// <summary>Adds a timing stage: when each customer should receive the message.</summary>
    void AddSendTime<TOptions>(StageInfo info, Func<StageContext, TOptions, ISendTimeStage> factory) where TOptions : class, new();

    /// <summary>Adds a delivery channel: how messages leave the system.</summary>
    void AddChannel<TOptions>(StageInfo info, Func<StageContext, TOptions, IDeliveryChannel> factory) where TOptions : class, new();
}

/// <summary>Describes a stage for the registry, the dashboard and error messages.</summary>
/// <param name="Key">The key campaign definitions use, e.g. <c>most-popular</c>. Lower case, digits and dashes.</param>
/// <param name="Description">One sentence a marketer understands.</param>
public sealed record StageInfo(string Key, string Description);
