using System.Numerics;
using System.Runtime.InteropServices;

namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>Dense row operations in <see cref="Vector{T}"/> lanes (the BCL's SIMD; no package to ship).</summary>
internal static class Vectors
{
    /// <summary>target += source.</summary>
    public static void Add(Span<double> target, ReadOnlySpan<double> source)
    {
        var t = MemoryMarshal.Cast<double, Vector<double>>(target);
        var s = MemoryMarshal.Cast<double, Vector<double>>(source);
        for (var v = 0; v < t.Length; v++) t[v] += s[v];
        for (var j = t.Length * Vector<double>.Count; j < target.Length; j++) target[j] += source[j];
    }

    /// <summary>target -= factor · source.</summary>
    public static void SubtractScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        var t = MemoryMarshal.Cast<double, Vector<double>>(target);
        var s = MemoryMarshal.Cast<double, Vector<double>>(source);
        var f = new Vector<double>(factor);
        for (var v = 0; v < t.Length; v++) t[v] -= s[v] * f;
        for (var j = t.Length * Vector<double>.Count; j < target.Length; j++) target[j] -= source[j] * factor;
    }

    /// <summary>Σ a[j]·b[j].</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var x = MemoryMarshal.Cast<double, Vector<double>>(a);
        var y = MemoryMarshal.Cast<double, Vector<double>>(b);
        var sum = Vector<double>.Zero;
        for (var v = 0; v < x.Length; v++) sum += x[v] * y[v];
        var total = Vector.Sum(sum);
        for (var j = x.Length * Vector<double>.Count; j < a.Length; j++) total += a[j] * b[j];
        return total;
    }
}
