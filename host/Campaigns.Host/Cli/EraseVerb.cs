using Campaigns.Storage;

namespace Campaigns.Host.Cli;

/// <summary><c>erase &lt;customerId&gt;</c>: the right to be forgotten; prints what was removed, per table.</summary>
internal sealed class EraseVerb : ICliVerb
{
    public string Name => "erase";
    public string Usage => "erase <customerId>                              remove a customer's personal data everywhere (keeps a hashed 'erased' entry)";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 1 || args[0].Length == 0)
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        var report = await services.GetRequiredService<ICustomerEraser>().EraseAsync(args[0], CancellationToken.None);
        switch (report.Outcome)
        {
            case ErasureOutcome.Unknown:
                Console.Error.WriteLine($"unknown customer '{args[0]}': no table holds anything of this id; nothing written");
                return 1;
            case ErasureOutcome.AlreadyErased:
                Console.WriteLine($"customer '{args[0]}' was erased before: nothing left to remove ({report.HashedId} stays suppressed)");
                return 0;
        }
        Console.WriteLine($"erased customer '{args[0]}'; kept rows now carry {report.HashedId}");
        foreach (var step in report.Steps.Where(s => s.Rows > 0))
            Console.WriteLine($"  {step.Table,-18} {step.Rows,8:N0}  {step.Action}");
        return 0;
    }
}
