namespace Campaigns.Stages;

/// <summary>The slots of a campaign pipeline a plugin can fill.</summary>
public enum StageKind
{
    /// <summary>Who the campaign is for.</summary>
    Audience,
    /// <summary>Eligibility gates.</summary>
    Rule,
    /// <summary>What items each customer gets.</summary>
    Recommender,
    /// <summary>When each customer gets the message.</summary>
    SendTime,
    /// <summary>How the message leaves.</summary>
    Channel,
}
