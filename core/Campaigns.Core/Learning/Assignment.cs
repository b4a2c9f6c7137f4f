using System.Security.Cryptography;
using System.Text;

namespace Campaigns.Learning;

/// <summary>
/// Deterministic placement of a customer in an experiment: the same customer, experiment and shares give the same arm
/// on every run and every host, with no state to share.
/// </summary>
public static class Assignment
{
    /// <summary>A uniform number in [0, 1) from the experiment id and the customer id (SHA-256, so ids cannot bias it).</summary>
    public static double Unit(string experiment, string customerId)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(customerId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(experiment + "\u001f" + customerId), hash);
        // 53 random bits: every double in [0, 1) this can return is exactly representable.
        return (BitConverter.ToUInt64(hash) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>The arm whose cumulative share covers <paramref name="unit"/>; the last arm takes any rounding rest.</summary>
    public static string Pick(IReadOnlyList<ArmShare> shares, double unit)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0) throw new ArgumentException("no arms to pick from", nameof(shares));
        var total = shares.Sum(s => s.Share);
        var cumulative = 0.0;
        foreach (var share in shares)
        {
            cumulative += share.Share / total;
            if (unit < cumulative) return share.Arm;
        }
        return shares[^1].Arm;
    }
}
