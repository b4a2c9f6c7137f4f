using System.Security.Cryptography;
using System.Text;
using Campaigns.Data.Access;
using Campaigns.Storage;

namespace Campaigns.Data.Campaigns;

/// <summary>A <c>campaigns</c> row as Dapper materializes it.</summary>
internal sealed class CampaignRow
{
    public const string Columns = "id AS Id, version AS Version, definition AS Definition, content_hash AS ContentHash, created_at AS CreatedAt";

    public string Id { get; set; } = "";
    public int Version { get; set; }
    public string Definition { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public long CreatedAt { get; set; }

    public StoredCampaign ToCampaign() => new(Id, Version, Definition, ContentHash, UnixMs.ToTime(CreatedAt));

    /// <summary>SHA-256 of the definition's UTF-8 text, lower-case hex: the same text always gives the same version.</summary>
    public static string HashOf(string definitionJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definitionJson)));
}
