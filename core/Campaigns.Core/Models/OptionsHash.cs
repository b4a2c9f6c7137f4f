using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Campaigns.Stages;

namespace Campaigns.Models;

/// <summary>
/// Names a stage's bound options: the SHA-256 of their JSON as the binder's own serializer writes them (every property,
/// defaults included, in declaration order), so <c>{}</c> and the same options spelled out give the same model. Options
/// marked <see cref="NotPartOfModelAttribute"/> (which cluster a campaign takes) are left out: they choose within a model.
/// </summary>
public static class OptionsHash
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutChoicesWithinAModel } },
    };

    /// <summary>The options as canonical JSON.</summary>
    public static string Canonical(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.Serialize(options, options.GetType(), Json);
    }

    /// <summary>The first 16 hex digits of the SHA-256 of <see cref="Canonical"/>: short enough for a CLI, long enough never to collide in one shop.</summary>
    public static string Of(object options) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(options))))[..16];

    private static void LeaveOutChoicesWithinAModel(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
            if (property.AttributeProvider?.IsDefined(typeof(NotPartOfModelAttribute), inherit: true) == true) property.ShouldSerialize = static (_, _) => false;
    }
}
