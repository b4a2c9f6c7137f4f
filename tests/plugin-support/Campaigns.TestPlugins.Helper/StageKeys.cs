namespace Campaigns.TestPlugins.Helper;

/// <summary>Something a plugin needs from its private dependency at registration time.</summary>
public static class StageKeys
{
    /// <summary>The key the dependent test plugin registers.</summary>
    public static string Rule => "helper-rule";
}
