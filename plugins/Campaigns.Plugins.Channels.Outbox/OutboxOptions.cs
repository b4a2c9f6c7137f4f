using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Channels.Outbox;

/// <summary>Options of the <c>outbox</c> channel.</summary>
/// <remarks>
/// Each message becomes one JSON line with <c>key</c>, <c>campaignId</c>, <c>customerId</c>, <c>address</c>,
/// <c>subject</c>, <c>body</c>, <c>itemIds</c>, <c>plannedAt</c> and <c>writtenAt</c>. The file is appended to and
/// never rewritten; a message whose key is already in the file is reported sent without being written again, so a
/// retried batch never duplicates a line. One process writes a given file at a time (others may read it).
/// </remarks>
public sealed class OutboxOptions
{
    /// <summary>The file to append to; a relative path is under the host's data folder. Default <c>outbox.jsonl</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "outbox.jsonl";
}
