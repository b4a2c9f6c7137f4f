using System.Security.Cryptography;
using System.Text;

namespace Campaigns.Data.Erasure;

/// <summary>
/// A trained artefact can hold customer ids (item-knn keeps each customer's purchases). Artefacts are the plugins' own
/// format, so the host looks for the id's bytes: a version that contains them is withdrawn (emptied; a live one retired,
/// so its stage fits afresh until the next retraining round). Over-withdrawing on a chance match costs a retraining,
/// never privacy.
/// </summary>
internal static class ModelSteps
{
    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData([]));

    public static ErasureStep WithdrawTrainedOn { get; } = new("models", "artefacts holding the id withdrawn", async context =>
    {
        var needle = Encoding.UTF8.GetBytes(context.CustomerId);
        var rows = 0;
        // One artefact at a time: they can be large, and erasure is rare.
        foreach (var id in await context.QueryAsync<long>("SELECT id FROM models WHERE size > 0"))
        {
            var artefact = (await context.QueryAsync<byte[]>($"SELECT artefact FROM models WHERE id = {id}"))[0];
            if (artefact.AsSpan().IndexOf(needle) < 0) continue;
            rows += await context.ExecuteAsync("""
                UPDATE models SET artefact = @empty, size = 0, sha256 = @sha,
                    status = CASE WHEN status = 'live' THEN 'retired' ELSE status END,
                    reason = 'withdrawn: trained on the data of an erased customer'
                WHERE id = @model
                """, new Dictionary<string, object?> { ["empty"] = Array.Empty<byte>(), ["sha"] = EmptySha256, ["model"] = id });
        }
        return rows;
    });
}
