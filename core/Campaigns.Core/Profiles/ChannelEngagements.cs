using Campaigns.Data;
using Campaigns.Storage;
using Campaigns.Tracking;

namespace Campaigns.Profiles;

/// <summary>Opens and clicks per sent message and channel kind; tracking event ids name the message they belong to.</summary>
internal static class ChannelEngagements
{
    public static Dictionary<string, ChannelEngagement> Of(IEnumerable<StoredEvent> events, IReadOnlyList<SentMessage> sent)
    {
        var result = new Dictionary<string, ChannelEngagement>(StringComparer.Ordinal);
        if (sent.Count == 0) return result;
        var opened = new HashSet<string>(StringComparer.Ordinal);
        var clicked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Interaction.Type == InteractionTypes.Open && e.EventId.StartsWith("open:", StringComparison.Ordinal)) opened.Add(e.EventId[5..]);
            else if (e.Interaction.Type == InteractionTypes.Click && TrackingEvents.KeyOfClick(e.EventId) is { } key) clicked.Add(key);
        }
        foreach (var kind in sent.GroupBy(s => s.ChannelKind, StringComparer.Ordinal))
        {
            var keys = kind.Select(s => s.Key).Distinct(StringComparer.Ordinal).ToArray();
            result[kind.Key] = new ChannelEngagement(keys.Length,
                Math.Round((double)keys.Count(opened.Contains) / keys.Length, 6), Math.Round((double)keys.Count(clicked.Contains) / keys.Length, 6));
        }
        return result;
    }
}
