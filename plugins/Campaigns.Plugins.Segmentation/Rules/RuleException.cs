namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>A mistake in a rule expression, at a 1-based character position.</summary>
internal sealed class RuleException(int position, string problem) : Exception($"position {position}: {problem}")
{
    /// <summary>1-based position of the character where the mistake starts.</summary>
    public int Position { get; } = position;
}
