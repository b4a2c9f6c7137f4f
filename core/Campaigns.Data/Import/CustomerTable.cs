using Campaigns.Data.Access;
using Campaigns.Data.Bulk;

namespace Campaigns.Data.Import;

/// <summary>How a <see cref="Customer"/> is written to the <c>customers</c> table.</summary>
internal static class CustomerTable
{
    public static TableSpec<Customer> Spec(long now) => new("customers",
    [
        Column.Text<Customer>("id", c => c.Id),
        Column.Text<Customer>("email", c => c.Email),
        Column.Text<Customer>("phone", c => c.Phone),
        Column.Text<Customer>("time_zone", c => string.IsNullOrEmpty(c.TimeZone) ? "UTC" : c.TimeZone),
        Column.Text<Customer>("locale", c => c.Locale),
        Column.Text<Customer>("consent", c => JsonColumn.Write(c.Consent)),
        Column.Text<Customer>("attributes", c => JsonColumn.Write(c.Attributes)),
        Column.Long<Customer>("created_at", _ => now, keepOnUpdate: true),
        Column.Long<Customer>("updated_at", _ => now),
    ]);
}
