using Campaigns.Plugins;
using Campaigns.Stages;

[assembly: CampaignsPlugin("acme.pigeon", "0.1.0", ContractVersion = ContractVersion.Current,
    DisplayName = "Acme pigeon post", Description = "A partner channel: one line per message in the pigeon loft file.")]

namespace Acme.Channels.Pigeon;

public sealed class PigeonPlugin : ICampaignPlugin
{
    public void Register(IStageRegistry stages) =>
        stages.AddChannel<PigeonOptions>(new StageInfo("pigeon", "Acme's pigeon post."), (context, options) => new PigeonChannel(context, options));
}

public sealed class PigeonOptions
{
    public string Loft { get; set; } = "pigeons.txt";
}

/// <summary>Appends "key|customer|subject" per message; a key already in the loft is not sent twice.</summary>
internal sealed class PigeonChannel(StageContext context, PigeonOptions options) : IDeliveryChannel
{
    private readonly string _path = Path.Combine(context.DataFolder, options.Loft);

    public string Kind => "file";

    public Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var sent = File.Exists(_path) ? File.ReadLines(_path).Select(l => l.Split('|')[0]).ToHashSet() : [];
        var lines = messages.Where(m => sent.Add(m.Key)).Select(m => $"{m.Key}|{m.CustomerId}|{m.Subject}");
        File.AppendAllLines(_path, lines);
        return Task.FromResult<IReadOnlyList<DeliveryResult>>([.. messages.Select(m => new DeliveryResult(m.Key, DeliveryStatus.Sent, "pigeon"))]);
    }
}
