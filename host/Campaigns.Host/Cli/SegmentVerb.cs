using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Segments;

namespace Campaigns.Host.Cli;

/// <summary><c>segment preview --stage rule-segment --options '{"expression":"..."}'</c>: the audience's size and first members.</summary>
internal sealed class SegmentVerb : ICliVerb
{
    public string Name => "segment";
    public string Usage => "segment preview --stage <key> [--options <json>] [--sample 20] [--json]   size and sample of an audience";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string> { "json" });
        if (cli.Positional is not ["preview"] || cli.Get("stage") is not { } stage)
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        JsonElement? options;
        try
        {
            options = cli.Get("options") is { } text ? JsonDocument.Parse(text).RootElement : null;
        }
        catch (JsonException ex)
        {
            Console.Error.WriteLine($"--options is not valid JSON: {ex.Message}");
            return 2;
        }
        try
        {
            var result = await services.GetRequiredService<SegmentPreview>().PreviewAsync(stage, options, cli.Int("sample", SegmentPreview.DefaultSample), CancellationToken.None);
            Console.WriteLine(cli.Flag("json") ? PreviewJson.Write(result) : PreviewJson.Table(result));
            return 0;
        }
        catch (CampaignDefinitionException ex)
        {
            foreach (var error in ex.Errors) Console.Error.WriteLine(error);
            return 2;
        }
    }
}
