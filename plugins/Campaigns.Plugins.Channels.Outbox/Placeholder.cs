namespace Campaigns.Plugins.Channels.Outbox; internal static class Placeholder { }
