namespace Campaigns.Data;

/// <summary>One behaviour event of a customer with an item.</summary>
/// <param name="CustomerId">Who acted.</param>
/// <param name="ItemId">On which item; empty for events with no item (opens, session starts).</param>
/// <param name="Type">What happened: see <see cref="InteractionTypes"/>.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Quantity">How many units (purchases, carts); 1 otherwise.</param>
/// <param name="Value">Money value of the event, in the shop's currency; 0 when none.</param>
public sealed record Interaction(string CustomerId, string ItemId, string Type, DateTimeOffset OccurredAt, double Quantity = 1, decimal Value = 0);

/// <summary>The event types the product knows.</summary>
public static class InteractionTypes
{
    /// <summary>The customer viewed an item.</summary>
    public const string View = "view";
    /// <summary>The customer added an item to the cart.</summary>
    public const string CartAdd = "cart_add";
    /// <summary>The customer bought an item.</summary>
    public const string Purchase = "purchase";
    /// <summary>The customer returned or cancelled a purchase.</summary>
    public const string Return = "return";
    /// <summary>The customer rated an item (the value is the rating).</summary>
    public const string Rating = "rating";
    /// <summary>The customer opened a message.</summary>
    public const string Open = "open";
    /// <summary>The customer clicked a link in a message.</summary>
    public const string Click = "click";
    /// <summary>The customer searched the shop (contract 1.3; no item, the query is a property).</summary>
    public const string Search = "search";
    /// <summary>The customer took an item out of the cart (contract 1.3).</summary>
    public const string CartRemove = "cart_remove";
    /// <summary>The customer wrote a review of an item (contract 1.3; the text and an optional rating are properties).</summary>
    public const string Review = "review";
    /// <summary>The customer started a visit to the shop or app (contract 1.3; no item).</summary>
    public const string SessionStart = "session_start";

    /// <summary>Every known type.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
        { View, CartAdd, Purchase, Return, Rating, Open, Click, Search, CartRemove, Review, SessionStart };
}
