using System.Collections.Concurrent;
using System.Net.Sockets;
using Campaigns.Stages;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Campaigns.Plugins.Channels.Smtp;

/// <summary>
/// Sends through a small pool of SMTP connections kept open for the whole dispatch run (connecting and
/// authenticating cost more than sending). A 5xx answer fails the message for good with the server's words; a 4xx, a
/// dropped connection or a timeout is transient, and the broken connection is replaced.
/// </summary>
internal sealed class SmtpChannel(StageContext context, SmtpOptions options) : IDeliveryChannel, IAsyncDisposable
{
    private readonly ConcurrentBag<SmtpClient> _idle = [];
    private readonly MessageFactory _factory = new(options);

    public string Kind => "email";

    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var results = new DeliveryResult[messages.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, messages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Connections, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await SendOneAsync(messages[i], ct));
        return results;
    }

    private async Task<DeliveryResult> SendOneAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!MailboxAddress.TryParse(message.Address, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
            return new DeliveryResult(message.Key, DeliveryStatus.PermanentFailure, $"invalid address '{message.Address}'") { HardBounce = true };
        var mime = _factory.Create(message, to, context.Time.GetUtcNow());
        SmtpClient? client = null;
        try
        {
            client = await TakeAsync(ct);
            await client.SendAsync(mime, ct);
            _idle.Add(client);
            return new DeliveryResult(message.Key, DeliveryStatus.Sent, "<" + mime.MessageId + ">");
        }
        catch (SmtpCommandException ex)
        {
            // The connection is still good after a refused command: keep it.
            if (client is not null) _idle.Add(client);
            var code = (int)ex.StatusCode;
            var status = code >= 500 ? DeliveryStatus.PermanentFailure : DeliveryStatus.TransientFailure;
            // A refused recipient with a 5xx reply is a hard bounce; a refused sender or message is our problem, not the address's.
            var bounce = status == DeliveryStatus.PermanentFailure && ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted;
            return new DeliveryResult(message.Key, status, $"SMTP {code} {ex.Message}".Trim()) { HardBounce = bounce };
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            if (client is not null) await DisposeClientAsync(client);
            return new DeliveryResult(message.Key, DeliveryStatus.TransientFailure, $"SMTP connection: {ex.Message}");
        }
    }

    private async Task<SmtpClient> TakeAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsConnected) return idle;
            await DisposeClientAsync(idle);
        }
        var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        try
        {
            var security = options.Security switch
            {
                "ssl" => SecureSocketOptions.SslOnConnect,
                "none" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(options.Host, options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.Username))
                await client.AuthenticateAsync(options.Username, Environment.GetEnvironmentVariable(options.PasswordEnv!) ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task DisposeClientAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException)
        {
            // Closing a connection that is already broken: nothing to do.
        }
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client)) await DisposeClientAsync(client);
    }
}
