namespace Campaigns.Plugins.Timing.History;

/// <summary>One moment a customer was active, in their local time.</summary>
/// <param name="At">The instant.</param>
/// <param name="Local">The customer's wall-clock time then.</param>
/// <param name="Type">The event type (the heaviest, when several events share the instant).</param>
/// <param name="Weight">How much the moment counts (see the stage's <c>eventWeights</c>).</param>
internal readonly record struct LocalEvent(DateTimeOffset At, DateTime Local, string Type, double Weight);
