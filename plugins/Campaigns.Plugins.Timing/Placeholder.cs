namespace Campaigns.Plugins.Timing; internal static class Placeholder { }
