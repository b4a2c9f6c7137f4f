using System.Diagnostics;
using System.Text.Json;
using Campaigns.Data;
using Campaigns.Profiles;

namespace Campaigns.Host.Cli;

/// <summary><c>profiles compute</c> recomputes every customer's profile; <c>profiles show &lt;customerId&gt;</c> prints one as JSON.</summary>
internal sealed class ProfilesVerb : ICliVerb
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = new RuleNames() };

    public string Name => "profiles";
    public string Usage => "profiles compute | profiles show <customerId>    recompute every customer profile, or print one";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        switch (args)
        {
            case ["compute"]:
                var watch = Stopwatch.StartNew();
                var count = await services.GetRequiredService<ProfileComputer>().ComputeAllAsync(
                    new Progress<int>(n => Console.Error.Write($"\r{n:N0} profiles")), CancellationToken.None);
                Console.Error.WriteLine();
                Console.WriteLine($"computed {count:N0} profiles in {watch.Elapsed.TotalSeconds:0.0}s");
                return 0;
            case ["show", var id]:
                var found = await services.GetRequiredService<IProfileReader>().GetManyAsync([id], CancellationToken.None);
                if (found.Count == 0)
                {
                    Console.Error.WriteLine($"no profile for customer '{id}' (run 'profiles compute' after importing)");
                    return 1;
                }
                Console.WriteLine(JsonSerializer.Serialize(found[0], Json));
                return 0;
            default:
                Console.Error.WriteLine("usage: " + Usage);
                return 2;
        }
    }
}

/// <summary>Property names as rules spell them: <c>Orders30d</c> is <c>orders_30d</c>, not the plain snake case <c>orders30d</c>.</summary>
internal sealed partial class RuleNames : JsonNamingPolicy
{
    public override string ConvertName(string name) => DigitRun().Replace(SnakeCaseLower.ConvertName(name), "$1_$2");

    [System.Text.RegularExpressions.GeneratedRegex("([a-z])([0-9])")]
    private static partial System.Text.RegularExpressions.Regex DigitRun();
}
