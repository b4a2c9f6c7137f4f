using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Campaigns.Host.Bench;

/// <summary>What to generate.</summary>
/// <param name="Customers">Customers, each with at least one event.</param>
/// <param name="Items">Catalogue size.</param>
/// <param name="EventsPerCustomer">Mean events per customer; the actual count is skewed (log-normal).</param>
/// <param name="Seed">The same seed gives the same file, byte for byte.</param>
/// <param name="Categories">Item categories; 0 for √items.</param>
/// <param name="End">Exclusive end of the year of events.</param>
internal sealed record GeneratorSettings(int Customers, int Items, int EventsPerCustomer, int Seed, int Categories, DateTimeOffset End)
{
    /// <summary>The fixed default end, so a seed alone decides the file (never the clock).</summary>
    public static readonly DateTimeOffset DefaultEnd = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Days of history before <see cref="End"/>.</summary>
    public const int Days = 365;

    public int CategoryCount => Categories > 0 ? Categories : Math.Max(1, (int)Math.Round(Math.Sqrt(Items)));
}

/// <summary>
/// Writes a synthetic e-commerce purchase history in the generic interactions format
/// (<c>user_id,item_id,timestamp,event_type,quantity,value</c>), gzip when the path ends in <c>.gz</c>. Streams:
/// one customer's events exist at a time. The planted shape: Zipf item popularity; each customer prefers one to three
/// categories (Zipf over categories) and draws most purchases from them; favourites are bought again; an item is often
/// followed by its partner item; activity per customer is log-normal; timestamps span a year.
/// </summary>
internal static class InteractionGenerator
{
    public const string Header = "user_id,item_id,timestamp,event_type,quantity,value";

    // Shares of a purchase's origin, checked in this order: a past item again, a preferred category, global popularity.
    private const double RepeatShare = 0.2;
    private const double PreferredShare = 0.6;
    private const double PartnerShare = 0.15;
    private const double ActivitySigma = 1.0;
    private const int MaxActivityFactor = 50;

    /// <summary>Writes the file and returns how many events it holds.</summary>
    public static long Write(GeneratorSettings settings, Stream output, Action<int>? progress = null)
    {
        var shape = new ShopShape(settings.Items, settings.CategoryCount);
        var random = new Random(settings.Seed);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        writer.Write('\n');
        var endSeconds = settings.End.ToUnixTimeSeconds();
        var span = GeneratorSettings.Days * 86_400L;
        var line = new LineBuffer(writer);
        var times = new List<long>();
        var bought = new List<int>();
        long written = 0;
        for (var c = 0; c < settings.Customers; c++)
        {
            var preferred = Preferences(shape, random);
            var count = Activity(settings.EventsPerCustomer, random);
            times.Clear();
            for (var e = 0; e < count; e++) times.Add(endSeconds - 1 - random.NextInt64(span));
            times.Sort();
            bought.Clear();
            var previous = -1;
            foreach (var at in times)
            {
                var rank = Pick(shape, random, preferred, bought, previous);
                bought.Add(rank);
                previous = rank;
                var quantity = random.NextDouble() switch { < 0.85 => 1, < 0.95 => 2, _ => 3 };
                line.Write(c, shape.IdOf(rank), at, quantity, shape.PriceOf(rank) * quantity);
                written++;
            }
            if (progress is not null && (c + 1) % 100_000 == 0) progress(c + 1);
        }
        return written;
    }

    /// <summary>Opens <paramref name="path"/> for writing, gzip-compressed when it ends in <c>.gz</c>.</summary>
    public static Stream Create(string path)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : file;
    }

    private static int[] Preferences(ShopShape shape, Random random)
    {
        var count = 1 + (random.NextDouble() < 0.5 ? 1 : 0) + (random.NextDouble() < 0.2 ? 1 : 0);
        var preferred = new int[count];
        for (var n = 0; n < count; n++) preferred[n] = shape.PreferredCategory(random);
        return preferred;
    }

    // Log-normal with mean 1 (μ = -σ²/2) scaled to the mean, at least 1 and capped so one customer cannot dominate.
    private static int Activity(int mean, Random random)
    {
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var factor = Math.Exp(-ActivitySigma * ActivitySigma / 2 + ActivitySigma * gaussian);
        return (int)Math.Clamp(Math.Round(mean * factor), 1, (long)mean * MaxActivityFactor);
    }

    private static int Pick(ShopShape shape, Random random, int[] preferred, List<int> bought, int previous)
    {
        if (previous >= 0 && random.NextDouble() < PartnerShare) return shape.PartnerOf(previous);
        var u = random.NextDouble();
        if (bought.Count > 0 && u < RepeatShare) return bought[random.Next(bought.Count)];
        if (u < RepeatShare + PreferredShare) return shape.ItemOf(preferred[random.Next(preferred.Length)], random);
        return shape.PopularItem(random);
    }

    /// <summary>Formats one line without allocating: "c{customer},i{item},{unix seconds},purchase,{quantity},{value}".</summary>
    private sealed class LineBuffer(StreamWriter writer)
    {
        private readonly char[] _buffer = new char[128];

        public void Write(int customer, long item, long seconds, int quantity, decimal value)
        {
            var span = _buffer.AsSpan();
            var n = 0;
            span[n++] = 'c';
            customer.TryFormat(span[n..], out var w, default, CultureInfo.InvariantCulture); n += w;
            span[n++] = ',';
            span[n++] = 'i';
            item.TryFormat(span[n..], out w, default, CultureInfo.InvariantCulture); n += w;
            span[n++] = ',';
            seconds.TryFormat(span[n..], out w, default, CultureInfo.InvariantCulture); n += w;
            ",purchase,".CopyTo(span[n..]); n += 10;
            quantity.TryFormat(span[n..], out w, default, CultureInfo.InvariantCulture); n += w;
            span[n++] = ',';
            value.TryFormat(span[n..], out w, "0.00", CultureInfo.InvariantCulture); n += w;
            span[n++] = '\n';
            writer.Write(span[..n]);
        }
    }
}
