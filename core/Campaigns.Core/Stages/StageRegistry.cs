using System.Text.RegularExpressions;
using Campaigns.Plugins;

namespace Campaigns.Stages;

/// <summary>
/// Every stage the host knows, by kind and key. Plugins register through <see cref="RegisterPlugin"/>, which is
/// all-or-nothing: a plugin that throws, or adds an invalid or duplicate key, leaves no stage behind.
/// </summary>
public sealed partial class StageRegistry
{
    private readonly Dictionary<(StageKind, string), StageRegistration> _stages = [];
    private readonly Lock _gate = new();

    /// <summary>How long a plugin's <c>Register</c> may run before the plugin is given up as hung. Default 10 s.</summary>
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Every registered stage, ordered by kind and key.</summary>
    public IReadOnlyList<StageRegistration> All
    {
        get { lock (_gate) { return [.. _stages.Values.OrderBy(s => s.Kind).ThenBy(s => s.Key, StringComparer.Ordinal)]; } }
    }

    /// <summary>Finds a stage by kind and key.</summary>
    public bool TryGet(StageKind kind, string key, out StageRegistration registration)
    {
        lock (_gate) { return _stages.TryGetValue((kind, key), out registration!); }
    }

    /// <summary>Runs <paramref name="register"/> against a scratch registry and keeps its stages only if it succeeds.</summary>
    /// <exception cref="StageRegistrationException">The plugin threw, hung, or a key is invalid or taken; nothing was kept.</exception>
    public void RegisterPlugin(string pluginId, Action<IStageRegistry> register)
    {
        var pending = new PendingRegistry(pluginId);
        // Plugin code runs on its own task so a plugin that never returns costs one blocked thread, not the host.
        var registration = Task.Factory.StartNew(() => register(pending), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            if (!registration.Wait(RegistrationTimeout))
            {
                pending.Close();
                throw new StageRegistrationException($"plugin '{pluginId}' did not finish registering within {RegistrationTimeout.TotalSeconds:0.#} s; it is not loaded");
            }
        }
        catch (AggregateException wrapped) when (wrapped.InnerException is { } ex)
        {
            if (ex is StageRegistrationException) throw ex;
            throw new StageRegistrationException($"plugin '{pluginId}' threw while registering: {ex.GetType().Name}: {ex.Message}", ex);
        }

        lock (_gate)
        {
            var taken = pending.Added.FirstOrDefault(s => _stages.ContainsKey((s.Kind, s.Key)));
            if (taken is not null)
            {
                var owner = _stages[(taken.Kind, taken.Key)].PluginId;
                throw new StageRegistrationException($"plugin '{pluginId}' registers {taken.Kind} stage '{taken.Key}', which plugin '{owner}' already provides");
            }
            foreach (var stage in pending.Added) _stages[(stage.Kind, stage.Key)] = stage;
        }
    }

    /// <summary>Registers a plugin's entry point.</summary>
    public void RegisterPlugin(string pluginId, ICampaignPlugin plugin) => RegisterPlugin(pluginId, plugin.Register);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    private sealed class PendingRegistry(string pluginId) : IStageRegistry
    {
        private volatile bool _closed;

        public List<StageRegistration> Added { get; } = [];

        /// <summary>A hung plugin that wakes up later must not change a list nobody reads any more.</summary>
        public void Close() => _closed = true;

        public void AddAudience<TOptions>(StageInfo info, Func<StageContext, TOptions, IAudienceStage> factory) where TOptions : class, new() =>
            Add(StageKind.Audience, info, factory);

        public void AddRule<TOptions>(StageInfo info, Func<StageContext, TOptions, IRuleStage> factory) where TOptions : class, new() =>
            Add(StageKind.Rule, info, factory);

        public void AddRecommender<TOptions>(StageInfo info, Func<StageContext, TOptions, IRecommenderStage> factory) where TOptions : class, new() =>
            Add(StageKind.Recommender, info, factory);

        public void AddSendTime<TOptions>(StageInfo info, Func<StageContext, TOptions, ISendTimeStage> factory) where TOptions : class, new() =>
            Add(StageKind.SendTime, info, factory);

        public void AddChannel<TOptions>(StageInfo info, Func<StageContext, TOptions, IDeliveryChannel> factory) where TOptions : class, new() =>
            Add(StageKind.Channel, info, factory);

        // Validation happens when the stage is added (as Polly's builders do), so a bad plugin fails at load, not mid-campaign.
        private void Add<TOptions, TStage>(StageKind kind, StageInfo info, Func<StageContext, TOptions, TStage> factory)
            where TOptions : class, new() where TStage : ICampaignStage
        {
            if (_closed) throw new StageRegistrationException($"plugin '{pluginId}' registered after its registration timed out");
            ArgumentNullException.ThrowIfNull(info);
            ArgumentNullException.ThrowIfNull(factory);
            if (!KeyPattern().IsMatch(info.Key ?? ""))
                throw new StageRegistrationException($"plugin '{pluginId}': stage key '{info.Key}' is invalid (lower-case letters, digits and single dashes, starting with a letter)");
            if (Added.Any(s => s.Kind == kind && s.Key == info.Key))
                throw new StageRegistrationException($"plugin '{pluginId}' registers {kind} stage '{info.Key}' twice");
            Added.Add(new StageRegistration(kind, info.Key!, info.Description ?? "", pluginId, typeof(TOptions),
                (context, options) => factory(context, (TOptions)options)));
        }
    }
}

/// <summary>A plugin could not register its stages; the message says which plugin and why.</summary>
public sealed class StageRegistrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StageRegistrationException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public StageRegistrationException(string message, Exception inner) : base(message, inner) { }
}
