namespace Campaigns.Stages;

/// <summary>
/// Since contract 1.3 (added compatibly with audience models): marks an option of a trainable stage that only chooses
/// among what a trained model already holds (which of its clusters a campaign takes), so it does not change the model.
/// The host leaves it out of the options hash: one trained model serves every value of the option.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class NotPartOfModelAttribute : Attribute;
