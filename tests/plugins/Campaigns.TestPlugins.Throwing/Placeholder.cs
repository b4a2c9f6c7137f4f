namespace Campaigns.TestPlugins.Throwing; internal static class Placeholder { }
