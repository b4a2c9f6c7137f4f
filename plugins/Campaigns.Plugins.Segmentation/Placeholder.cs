namespace Campaigns.Plugins.Segmentation; internal static class Placeholder { }
