using Campaigns.Data;

namespace Campaigns.Planning;

/// <summary>
/// Which customer field a channel kind delivers to: null when the customer has none (the message is suppressed),
/// an empty string for kinds that need no per-customer address (file, webhook).
/// </summary>
internal static class ChannelAddress
{
    public static string? For(string kind, Customer customer) => kind switch
    {
        "email" => NullIfBlank(customer.Email),
        "sms" => NullIfBlank(customer.Phone),
        "push" => NullIfBlank(customer.Attributes.GetValueOrDefault("push_token")),
        _ => "",
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
