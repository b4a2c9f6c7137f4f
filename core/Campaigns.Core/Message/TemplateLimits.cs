namespace Campaigns.Message;

/// <summary>
/// Sandbox limits for message templates. Scriban is not a security boundary by itself, so every render runs with
/// these caps and a deadline; a template that exceeds one fails that message instead of stalling a campaign.
/// </summary>
public sealed record TemplateLimits
{
    /// <summary>Most iterations of any loop.</summary>
    public int LoopLimit { get; init; } = 1_000;

    /// <summary>Deepest function recursion.</summary>
    public int RecursionLimit { get; init; } = 20;

    /// <summary>Longest output of one render, in characters.</summary>
    public int OutputLimit { get; init; } = 64 * 1024;

    /// <summary>Longest single string a template may build.</summary>
    public int StringLimit { get; init; } = 16 * 1024;

    /// <summary>Longest time one render may take.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The defaults.</summary>
    public static TemplateLimits Default { get; } = new();
}
