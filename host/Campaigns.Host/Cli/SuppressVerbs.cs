using Campaigns.Privacy;
using Campaigns.Storage;

namespace Campaigns.Host.Cli;

/// <summary><c>suppress &lt;customerId&gt; &lt;kind|*&gt; &lt;reason&gt;</c>: puts a customer on the suppression list (e.g. a spam complaint).</summary>
internal sealed class SuppressVerb : ICliVerb
{
    public string Name => "suppress";
    public string Usage => "suppress <customerId> <kind|*> <reason> [--detail text]  list a customer: unsubscribed, bounced or complained";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        if (cli.Positional.Count != 3)
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        var (customer, kind, reason) = (cli.Positional[0], cli.Positional[1], cli.Positional[2]);
        if (SuppressionInput.Problem(customer, kind, reason) is { } problem)
        {
            Console.Error.WriteLine($"{problem.Field}: {problem.Message}");
            return 2;
        }
        var store = services.GetRequiredService<ISuppressionStore>();
        await store.AddAsync([new Suppression(customer, kind, reason, services.GetRequiredService<TimeProvider>().GetUtcNow(), cli.Get("detail"))], CancellationToken.None);
        var listed = (await store.ListAsync(customer, 100, CancellationToken.None)).Single(s => s.ChannelKind == kind);
        // The list keeps the first reason: say so when an earlier entry stays.
        Console.WriteLine(listed.Reason == reason
            ? $"suppressed '{customer}' on {kind}: {reason}"
            : $"'{customer}' was already suppressed on {kind} ({listed.Reason} since {listed.At:u}); kept");
        return 0;
    }
}

/// <summary><c>unsuppress &lt;customerId&gt; &lt;kind|*&gt;</c>: lifts one entry of the suppression list.</summary>
internal sealed class UnsuppressVerb : ICliVerb
{
    public string Name => "unsuppress";
    public string Usage => "unsuppress <customerId> <kind|*>               lift a customer's suppression list entry for that kind";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 2 || !SuppressionInput.IsKind(args[1]))
        {
            Console.Error.WriteLine(args.Length == 2 ? $"'{args[1]}' is not a channel kind: use a lower-case word such as 'email', or '*'" : "usage: " + Usage);
            return 2;
        }
        if (args[0].StartsWith(SuppressionReasons.ErasedIdPrefix, StringComparison.Ordinal))
        {
            Console.Error.WriteLine("an erased customer's entry is never lifted");
            return 2;
        }
        var removed = await services.GetRequiredService<ISuppressionStore>().RemoveAsync(args[0], args[1], CancellationToken.None);
        if (removed) Console.WriteLine($"'{args[0]}' may be sent on {args[1]} again (consent still applies)");
        else Console.Error.WriteLine($"'{args[0]}' has no entry for {args[1]}");
        return removed ? 0 : 1;
    }
}

/// <summary><c>suppressions [customerId]</c>: the list, newest first.</summary>
internal sealed class SuppressionsVerb : ICliVerb
{
    public string Name => "suppressions";
    public string Usage => "suppressions [<customerId>] [--limit 100]      show the suppression list, newest first";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        if (cli.Positional.Count > 1)
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        var entries = await services.GetRequiredService<ISuppressionStore>().ListAsync(cli.Positional.FirstOrDefault(), cli.Int("limit", 100), CancellationToken.None);
        foreach (var e in entries)
            Console.WriteLine($"{e.At:u}  {e.CustomerId,-24} {e.ChannelKind,-8} {e.Reason,-13} {e.Detail}");
        Console.WriteLine($"{entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}");
        return 0;
    }
}
