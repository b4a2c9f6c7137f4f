using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Campaigns.Stages;
using MimeKit;

namespace Campaigns.Plugins.Channels.Smtp;

/// <summary>
/// Builds the MIME message of one outgoing message: HTML and text alternatives when the body is HTML (text only
/// otherwise), a Message-ID derived from the ledger key so a resent message is recognisably the same one, and the
/// RFC 8058 one-click unsubscribe headers.
/// </summary>
internal sealed partial class MessageFactory(SmtpOptions options)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.From);

    public MimeMessage Create(OutgoingMessage message, MailboxAddress to, DateTimeOffset now)
    {
        var mime = new MimeMessage { Subject = message.Subject ?? "", Date = now, MessageId = MessageId(message.Key) };
        mime.From.Add(_from);
        mime.To.Add(to);
        // The host's signed one-click URL when it tracks; otherwise the configured one, with the ledger key filled in.
        var unsubscribe = message.UnsubscribeUrl ?? options.UnsubscribeUrl?.Replace("{key}", Uri.EscapeDataString(message.Key), StringComparison.Ordinal);
        if (unsubscribe is not null)
        {
            mime.Headers.Add("List-Unsubscribe", options.UnsubscribeMailto is null ? $"<{unsubscribe}>" : $"<{unsubscribe}>, <mailto:{options.UnsubscribeMailto}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new BodyBuilder();
        if (LooksLikeHtml(message.Body))
        {
            body.HtmlBody = message.Body;
            body.TextBody = ToText(message.Body);
        }
        else body.TextBody = message.Body;
        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>Deterministic per ledger key: 32 hex characters of its SHA-256 at the configured domain.</summary>
    public string MessageId(string key)
    {
        var domain = options.MessageIdDomain ?? _from.Domain;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + "@" + domain;
    }

    private static bool LooksLikeHtml(string body) => HtmlTag().IsMatch(body);

    /// <summary>A readable text part: line breaks for block elements, tags dropped, entities decoded, blank runs collapsed.</summary>
    private static string ToText(string html)
    {
        var text = BlockEnd().Replace(html, "\n");
        text = WebUtility.HtmlDecode(AnyTag().Replace(text, ""));
        return BlankLines().Replace(string.Join('\n', text.Split('\n').Select(l => l.Trim())), "\n\n").Trim();
    }

    [GeneratedRegex(@"<(html|body|p|div|br|a|table|h[1-6]|ul|li|span|img)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|h[1-6]|li|tr|table)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
