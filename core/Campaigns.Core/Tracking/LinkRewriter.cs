using System.Net;
using System.Text.RegularExpressions;

namespace Campaigns.Tracking;

/// <summary>
/// Rewrites the links of an HTML message to signed redirects through the host and adds an open pixel; a link whose
/// URL names one of the message's recommended items carries that item, so a click is credited to it.
/// </summary>
public sealed partial class LinkRewriter(TrackingOptions options, TimeProvider time)
{
    private readonly TrackingToken _tokens = new(options.Secret);

    /// <summary>The body with tracked links and an open pixel; unchanged when tracking is off.</summary>
    public string Rewrite(string body, string key, IReadOnlyList<string> itemIds)
    {
        if (!options.Enabled) return body;
        var expires = (time.GetUtcNow() + options.LinkLifetime).ToUnixTimeSeconds();
        var tracked = Href().Replace(body, m =>
        {
            var url = WebUtility.HtmlDecode(m.Groups["url"].Value);
            var item = itemIds.FirstOrDefault(id => url.Contains(Uri.EscapeDataString(id), StringComparison.Ordinal));
            return $"href=\"{Url("c", _tokens.Sign(new TrackedLink("c", key, expires, url, item)))}\"";
        });
        var pixel = $"<img src=\"{Url("o", _tokens.Sign(new TrackedLink("o", key, expires)))}\" width=\"1\" height=\"1\" alt=\"\">";
        var end = tracked.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? tracked + pixel : tracked.Insert(end, pixel);
    }

    /// <summary>The one-click unsubscribe URL of a message (RFC 8058: POST to it unsubscribes), or null when tracking is off.</summary>
    public string? UnsubscribeUrl(string key) => options.Enabled
        ? Url("u", _tokens.Sign(new TrackedLink("u", key, (time.GetUtcNow() + options.LinkLifetime).ToUnixTimeSeconds())))
        : null;

    private string Url(string action, string token) => new Uri(options.BaseUrl!, $"t/{action}/{token}").ToString();

    [GeneratedRegex("href=\"(?<url>https?://[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
