namespace Campaigns.Plugins.Ranking.Features;

/// <summary>The options that change what a feature means; training and serving build their history with the same ones.</summary>
/// <param name="SeasonalAge">Read the age of the customer's own purchases on the calendar year (<see cref="History"/>).</param>
/// <param name="Peers">How many most similar customers the peer features look at; 0 leaves them out (<see cref="Peers"/>).</param>
/// <param name="PeerHalfLifeDays">Half-life of a peer's purchase in the "bought lately" score.</param>
internal sealed record FeatureSettings(bool SeasonalAge, int Peers, double PeerHalfLifeDays)
{
    /// <summary>Plain ages and no peer features: the definitions before either existed.</summary>
    public static FeatureSettings Plain { get; } = new(false, 0, 30);
}
