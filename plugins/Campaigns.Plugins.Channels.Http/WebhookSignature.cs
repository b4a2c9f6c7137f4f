using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Campaigns.Plugins.Channels.Http;

/// <summary>
/// The <c>Campaigns-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;lower-case hex HMAC-SHA256(secret, t + "." + body)&gt;</c>.
/// Signing the timestamp with the body lets a receiver refuse a replayed request whose timestamp is old.
/// </summary>
internal static class WebhookSignature
{
    /// <summary>The header's name.</summary>
    public const string Header = "Campaigns-Signature";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    private static byte[] Mac(string secret, string t, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(t + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
