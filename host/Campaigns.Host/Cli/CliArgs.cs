namespace Campaigns.Host.Cli;

/// <summary>Minimal parsing of <c>--name value</c> and <c>--flag</c> options after a verb's positional arguments.</summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CliArgs(string[] args, IReadOnlySet<string> flags)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { Positional.Add(args[i]); continue; }
            var name = args[i][2..];
            var eq = name.IndexOf('=');
            if (eq > 0) _options[name[..eq]] = name[(eq + 1)..];
            else if (flags.Contains(name)) _options[name] = "true";
            else if (i + 1 < args.Length) _options[name] = args[++i];
            else throw new ArgumentException($"option --{name} needs a value");
        }
    }

    public List<string> Positional { get; } = [];

    /// <summary>The names of the options given.</summary>
    public IEnumerable<string> Names => _options.Keys;

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _options.TryGetValue(name, out var v) && v is "true" or "1" or "yes";

    public int Int(string name, int fallback) =>
        _options.TryGetValue(name, out var v) && v is not null
            ? int.TryParse(v, out var n) ? n : throw new ArgumentException($"--{name} must be a whole number, got '{v}'")
            : fallback;
}
