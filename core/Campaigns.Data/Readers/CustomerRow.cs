using Campaigns.Data.Access;

namespace Campaigns.Data.Readers;

/// <summary>A <c>customers</c> row as Dapper materializes it.</summary>
internal sealed class CustomerRow
{
    public const string Select =
        "SELECT id AS Id, email AS Email, phone AS Phone, time_zone AS TimeZone, locale AS Locale, consent AS Consent, attributes AS Attributes FROM customers";

    public string Id { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public string? Locale { get; set; }
    public string? Consent { get; set; }
    public string? Attributes { get; set; }

    public Customer ToCustomer() => new(Id)
    {
        Email = Email,
        Phone = Phone,
        TimeZone = TimeZone,
        Locale = Locale,
        Consent = JsonColumn.ReadFlags(Consent),
        Attributes = JsonColumn.ReadText(Attributes),
    };
}
