using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Channels.Http;

/// <summary>Options of the <c>webhook</c> channel.</summary>
/// <remarks>
/// Each message is one <c>POST</c> of <c>{"key","campaignId","customerId","address","subject","body","itemIds","plannedAt"}</c>
/// with the headers <c>Idempotency-Key: &lt;ledger key&gt;</c> and <c>Campaigns-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>,
/// where v1 = HMAC-SHA256(secret, t + "." + body). A receiver recomputes v1 and rejects old timestamps to stop replays.
/// </remarks>
public sealed class WebhookOptions : HttpSendOptions, IValidatableObject
{
    /// <summary>The endpoint, an absolute http or https URL.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Url { get; set; } = "";

    /// <summary>The signing secret (at least 16 characters). Prefer <see cref="SecretEnv"/>: a definition is stored and shown.</summary>
    public string? Secret { get; set; }

    /// <summary>The name of an environment variable of the host that holds the signing secret.</summary>
    public string? SecretEnv { get; set; }

    /// <summary>The consent and address kind the messages are for: <c>webhook</c> (default), <c>sms</c>, <c>push</c> or <c>email</c>.</summary>
    [RegularExpression("^(webhook|sms|push|email)$")]
    public string Kind { get; set; } = "webhook";


    /// <summary>Extra request headers, e.g. an API key the partner expects.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new ValidationResult($"'{Url}' is not an absolute http or https URL", [nameof(Url)]);
        if ((Secret is null) == (SecretEnv is null))
            yield return new ValidationResult("give exactly one of secret and secretEnv", [nameof(Secret)]);
        else if (Secret is { Length: < 16 })
            yield return new ValidationResult("a signing secret needs at least 16 characters", [nameof(Secret)]);
    }

    /// <summary>The secret, read from the environment when <see cref="SecretEnv"/> names it.</summary>
    public string ResolveSecret()
    {
        if (Secret is not null) return Secret;
        var value = Environment.GetEnvironmentVariable(SecretEnv!);
        return value is { Length: >= 16 }
            ? value
            : throw new InvalidOperationException($"environment variable '{SecretEnv}' must hold a signing secret of at least 16 characters");
    }
}
