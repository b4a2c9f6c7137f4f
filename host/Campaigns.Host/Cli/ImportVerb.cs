using Campaigns.Import;
using Campaigns.Storage;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>import &lt;file&gt;</c>: imports the UCI Online Retail export or a generic interactions CSV (plain or gzip).
/// Progress goes to stderr; bad lines are listed with their line numbers; the rest is imported. Re-importing the
/// same file adds nothing.
/// </summary>
internal sealed class ImportVerb : ICliVerb
{
    public string Name => "import";
    public string Usage => "import <file.csv[.gz]>                          import Online Retail or user_id,item_id,timestamp[,event_type][,quantity|weight][,value]";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        var importer = new InteractionImporter(services.GetRequiredService<IImportWriter>(), services.GetRequiredService<TimeProvider>());
        ImportResult result;
        try
        {
            result = await importer.ImportAsync(args[0], new Progress<ImportProgress>(p =>
                Console.Error.Write($"\r{p.Phase,-9} {p.Fraction,6:P0}  lines {p.LinesRead:N0}  events stored {p.EventsStored:N0}   ")));
            Console.Error.WriteLine();
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"{args[0]}: {ex.Message}");
            return 2;
        }
        Print(args[0], result);
        return result.EventsRead == 0 && result.BadRows > 0 ? 1 : 0;
    }

    internal static void Print(string path, ImportResult r)
    {
        Console.WriteLine($"{path}: {r.Format}, {r.Lines:N0} lines in {r.Elapsed.TotalSeconds:0.0}s: events added {r.EventsAdded:N0}, already present {r.EventsAlreadyPresent:N0}; " +
                          $"customers added {r.CustomersAdded:N0}; items added {r.ItemsAdded:N0}; bad rows {r.BadRows:N0}; " +
                          $"skipped guest checkouts {r.SkippedGuest:N0}; skipped non-products {r.SkippedNonProduct:N0}");
        foreach (var error in r.Errors) Console.Error.WriteLine($"{path}:{error.Line}: {error.Message}");
        if (r.BadRows > r.Errors.Count) Console.Error.WriteLine($"... and {r.BadRows - r.Errors.Count:N0} more bad rows");
    }
}
