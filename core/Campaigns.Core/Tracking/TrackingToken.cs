using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Campaigns.Tracking;

/// <summary>What a signed tracking link stands for.</summary>
/// <param name="Action"><c>c</c> click, <c>o</c> open, <c>u</c> unsubscribe.</param>
/// <param name="Key">The ledger key of the message.</param>
/// <param name="Expires">Unix seconds after which the link is refused.</param>
/// <param name="Url">For a click: where to redirect.</param>
/// <param name="Item">For a click on an item's link: the item id.</param>
public sealed record TrackedLink(string Action, string Key, long Expires, string? Url = null, string? Item = null);

/// <summary>
/// Signs and checks tracking tokens: base64url(JSON of the <see cref="TrackedLink"/>) "." base64url(HMAC-SHA256,
/// first 16 bytes). The token carries everything, so a click needs no lookup before the redirect, and any change to
/// it (another URL, another customer's key) breaks the signature.
/// </summary>
public sealed class TrackingToken(byte[] secret)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The token for <paramref name="link"/>.</summary>
    public string Sign(TrackedLink link)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(link, Json);
        return Base64Url(payload) + "." + Base64Url(Mac(payload));
    }

    /// <summary>The link a token stands for, or why it is refused: <c>invalid</c> (malformed or tampered) or <c>expired</c>.</summary>
    public (TrackedLink? Link, string? Refusal) Verify(string token, DateTimeOffset now)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return (null, "invalid");
        byte[] payload, mac;
        try
        {
            payload = FromBase64Url(token[..dot]);
            mac = FromBase64Url(token[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return (null, "invalid");
        }
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(payload))) return (null, "invalid");
        TrackedLink? link;
        try { link = JsonSerializer.Deserialize<TrackedLink>(payload, Json); }
        catch (JsonException) { return (null, "invalid"); }
        if (link is null) return (null, "invalid");
        return link.Expires < now.ToUnixTimeSeconds() ? (null, "expired") : (link, null);
    }

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(secret, payload)[..16];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }

    /// <summary>A readable hash of a URL, so two clicks on different links of one message are two events.</summary>
    public static string ShortHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}
