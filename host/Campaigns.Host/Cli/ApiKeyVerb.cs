using Campaigns.Storage;

namespace Campaigns.Host.Cli;

/// <summary><c>api-key create &lt;name&gt; --scopes a,b</c> (prints the key once), <c>api-key list</c>, <c>api-key revoke &lt;name&gt;</c>.</summary>
internal sealed class ApiKeyVerb : ICliVerb
{
    public string Name => "api-key";
    public string Usage => "api-key create <name> --scopes events:write,customers:write,catalog:write | list | revoke <name>   keys of the write API";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var keys = services.GetRequiredService<IApiKeyStore>();
        CliArgs cli;
        try { cli = new CliArgs(args, new HashSet<string>()); }
        catch (ArgumentException ex) { return Fail(ex.Message); }
        switch (cli.Positional)
        {
            case ["create", var name]:
                var scopes = (cli.Get("scopes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (scopes.Length == 0) return Fail($"--scopes is required: one or more of {string.Join(',', ApiScopes.All)}");
                if (scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } unknown)
                    return Fail($"unknown scope '{unknown}': use {string.Join(',', ApiScopes.All)}");
                if (await keys.CreateAsync(name, scopes, CancellationToken.None) is not { } key)
                    return Fail($"an API key named '{name}' exists already (revoked keys keep their name)");
                Console.Error.WriteLine($"API key '{name}' with {string.Join(',', scopes)}; it is shown this once, store it now:");
                Console.WriteLine(key);
                return 0;
            case ["list"]:
                foreach (var k in await keys.ListAsync(CancellationToken.None))
                    Console.WriteLine($"{k.Name}\t{string.Join(',', k.Scopes)}\tcreated {k.CreatedAt:u}\t{(k.RevokedAt is { } at ? $"revoked {at:u}" : "live")}");
                return 0;
            case ["revoke", var name]:
                if (!await keys.RevokeAsync(name, CancellationToken.None)) return Fail($"no live API key named '{name}'");
                Console.WriteLine($"revoked '{name}'");
                return 0;
            default:
                return Fail("usage: " + Usage);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
