namespace Campaigns.Experiments;

/// <summary>
/// The host-wide control group (<c>Campaigns:Experiments:GlobalControl:Percent</c> and <c>:Salt</c>): customers whose hash
/// falls in it get no marketing campaign at all, so the lift of all campaigns together can be measured. The salt is
/// fixed per host group, so membership is the same in every campaign and on every host.
/// </summary>
/// <param name="Percent">Per cent of customers held out of every marketing campaign (0 to 50; 0 turns it off).</param>
/// <param name="Salt">The hash salt; change it only to draw a new control group.</param>
public sealed record GlobalControl(double Percent, string Salt)
{
    /// <summary>The default salt.</summary>
    public const string DefaultSalt = "global-control";

    /// <summary>No global control group.</summary>
    public static GlobalControl Off { get; } = new(0, DefaultSalt);

    /// <summary>Throws when the settings cannot work.</summary>
    public GlobalControl Validated()
    {
        if (Percent is < 0 or > 50 || double.IsNaN(Percent))
            throw new InvalidOperationException($"Campaigns:Experiments:GlobalControl:Percent: {Percent} must be between 0 and 50");
        if (string.IsNullOrWhiteSpace(Salt)) throw new InvalidOperationException("Campaigns:Experiments:GlobalControl:Salt must not be empty");
        return this;
    }
}
