namespace Campaigns.Plugins.Recommenders; internal static class Placeholder { }
