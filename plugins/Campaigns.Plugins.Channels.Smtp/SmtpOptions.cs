using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Campaigns.Plugins.Channels.Smtp;

/// <summary>Options of the <c>smtp</c> channel (kind <c>email</c>: customers need e-mail consent and an address).</summary>
public sealed class SmtpOptions : IValidatableObject
{
    /// <summary>The SMTP server's host name.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = "";

    /// <summary>The port (default 587, submission).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>starttls</c> (default: upgrade, required), <c>ssl</c> (TLS from the start, port 465) or <c>none</c> (trusted local relays only).</summary>
    [RegularExpression("^(starttls|ssl|none)$")]
    public string Security { get; set; } = "starttls";

    /// <summary>User name for SMTP AUTH; none when empty.</summary>
    public string? Username { get; set; }

    /// <summary>The environment variable of the host holding the SMTP password (never the password itself: definitions are stored and shown).</summary>
    public string? PasswordEnv { get; set; }

    /// <summary>The sender, e.g. <c>Shop &lt;news@shop.example&gt;</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string From { get; set; } = "";

    /// <summary>
    /// The one-click unsubscribe URL when the host does not track (with tracking on, the host's signed URL wins);
    /// <c>{key}</c> is replaced by the message's ledger key (URL-encoded). Sent as <c>List-Unsubscribe</c> with
    /// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058).
    /// </summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>An optional <c>mailto:</c> address for clients that unsubscribe by mail.</summary>
    public string? UnsubscribeMailto { get; set; }

    /// <summary>The domain of generated Message-IDs (default: the sender's domain).</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>Connections kept open and used in parallel (1–32, default 4).</summary>
    [Range(1, 32)]
    public int Connections { get; set; } = 4;

    /// <summary>Seconds a connection or command may take (default 30).</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            yield return new ValidationResult($"'{From}' is not an e-mail address", [nameof(From)]);
        if (UnsubscribeUrl is not null && (!Uri.TryCreate(UnsubscribeUrl.Replace("{key}", "k", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            yield return new ValidationResult($"'{UnsubscribeUrl}' is not an absolute http(s) URL", [nameof(UnsubscribeUrl)]);
        if (Username is not null && PasswordEnv is null)
            yield return new ValidationResult("a username needs passwordEnv", [nameof(PasswordEnv)]);
    }
}
