using Campaigns.Data;
using Campaigns.Storage;
using Microsoft.Extensions.Logging;

namespace Campaigns.Profiles;

/// <summary>
/// Computes and stores profiles: every customer (the recurring job and <c>profiles compute</c>), or a few (after
/// accepted events). Customers stream in batches, so memory holds one batch's events whatever the shop's size.
/// </summary>
public sealed class ProfileComputer(ICustomerReader customers, ICatalogReader catalog, IProfileSource source, IProfileStore store,
    TimeProvider time, ILogger<ProfileComputer> logger)
{
    private const int BatchSize = 1_000;
    // An incremental update reuses the vocabulary of the last few minutes: the catalogue changes far more slowly than events arrive.
    private static readonly TimeSpan VocabularyLifetime = TimeSpan.FromMinutes(5);
    // A reference, swapped whole: the nightly job and the update worker may both read and replace it.
    private volatile CachedVocabulary? _vocabulary;

    /// <summary>Recomputes every customer's profile as of now; returns how many were written.</summary>
    public async Task<int> ComputeAllAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var vocabulary = await VocabularyAsync(refresh: true, cancellationToken);
        var asOf = time.GetUtcNow();
        var written = 0;
        await foreach (var batch in customers.ReadAllAsync(BatchSize, cancellationToken))
        {
            written += await WriteAsync(batch, vocabulary, asOf, cancellationToken);
            progress?.Report(written);
        }
        logger.LogInformation("Computed {Count} customer profiles as of {AsOf:o}", written, asOf);
        return written;
    }

    /// <summary>Recomputes the profiles of the given customers (unknown ids are skipped); returns how many were written.</summary>
    public async Task<int> ComputeAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        var vocabulary = await VocabularyAsync(refresh: false, cancellationToken);
        var asOf = time.GetUtcNow();
        var written = 0;
        foreach (var chunk in customerIds.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
            written += await WriteAsync(await customers.GetManyAsync(chunk, cancellationToken), vocabulary, asOf, cancellationToken);
        return written;
    }

    private async Task<int> WriteAsync(IReadOnlyList<Customer> batch, CatalogVocabulary vocabulary, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return 0;
        var inputs = await source.ReadAsync(batch, cancellationToken);
        var profiles = inputs.AsParallel().AsOrdered().Select(input => ProfileBuilder.Build(input, vocabulary, asOf)).ToArray();
        await store.UpsertAsync(profiles, cancellationToken);
        return profiles.Length;
    }

    private async Task<CatalogVocabulary> VocabularyAsync(bool refresh, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!refresh && _vocabulary is { } cached && now - cached.BuiltAt < VocabularyLifetime) return cached.Vocabulary;
        var items = new List<CatalogItem>();
        await foreach (var batch in catalog.ReadAllAsync(5_000, cancellationToken)) items.AddRange(batch);
        var vocabulary = CatalogVocabulary.Build(items);
        _vocabulary = new CachedVocabulary(vocabulary, now);
        return vocabulary;
    }

    private sealed record CachedVocabulary(CatalogVocabulary Vocabulary, DateTimeOffset BuiltAt);
}
