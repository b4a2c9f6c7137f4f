using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Channels.Http;

/// <summary>
/// Options of the <c>http</c> channel: a partner's SMS or push gateway described by configuration. <see cref="Url"/>,
/// <see cref="Headers"/> and <see cref="Body"/> are Scriban templates over <c>message</c> (<c>key</c>,
/// <c>campaign_id</c>, <c>customer_id</c>, <c>address</c>, <c>subject</c>, <c>body</c>, <c>item_ids</c>,
/// <c>planned_at</c>) and <c>secrets</c> (from <see cref="SecretsEnv"/>), with the functions <c>json</c> (a JSON string
/// literal) and <c>form</c> (form-URL-encoded).
/// </summary>
public sealed class HttpProviderOptions : HttpSendOptions, IValidatableObject
{
    /// <summary>The consent and address kind: <c>sms</c> (default, the customer's phone) or <c>push</c> (the <c>push_token</c> attribute).</summary>
    [RegularExpression("^(sms|push|webhook|email)$")]
    public string Kind { get; set; } = "sms";

    /// <summary>The request URL template.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Url { get; set; } = "";

    /// <summary>GET, POST, PUT or PATCH (default POST).</summary>
    [RegularExpression("^(GET|POST|PUT|PATCH)$")]
    public string Method { get; set; } = "POST";

    /// <summary>Header templates by name, e.g. <c>"Authorization": "Bearer {{ secrets.token }}"</c>.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>The body template; none when empty.</summary>
    public string? Body { get; set; }

    /// <summary>The body's content type (default <c>application/json</c>).</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>Names for <c>secrets.&lt;name&gt;</c> → the environment variable of the host that holds each value.</summary>
    public Dictionary<string, string> SecretsEnv { get; set; } = [];

    /// <summary>A dotted path into a JSON answer to the provider's message id, e.g. <c>sid</c> or <c>name</c>.</summary>
    public string? MessageIdPath { get; set; }


    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? error = null;
        try
        {
            RequestTemplates.Parse(this);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
        }
        if (error is not null) yield return new ValidationResult(error, [nameof(Url)]);
    }
}
