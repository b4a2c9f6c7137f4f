namespace Campaigns.Models;

/// <summary>
/// The versioned models of trainable stages, on the product's database (table <c>models</c>; artefacts as bytes in the
/// row, so every host sharing a PostgreSQL database sees them). Every status change of a stage and options hash is
/// serialised across hosts, so exactly one version is live at any moment.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Adds <paramref name="candidate"/> as the next version, status <see cref="ModelStatus.Candidate"/>.</summary>
    Task<StoredModel> AddCandidateAsync(ModelCandidate candidate, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the candidate live (retiring the live version) when <paramref name="promote"/>, else rejects it; either way
    /// only if the live version is still <paramref name="expectedLiveId"/> (null: none). When another host changed the
    /// live version meanwhile, the candidate is rejected as superseded: it was measured against a version no longer live.
    /// </summary>
    /// <returns>The candidate as decided.</returns>
    Task<StoredModel> DecideAsync(long candidateId, long? expectedLiveId, bool promote, string reason, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="version"/> live again and retires the live one.</summary>
    /// <exception cref="ModelException">There is no such version, or it is live already.</exception>
    Task<StoredModel> RollbackAsync(string stageKey, string optionsHash, int version, string reason, CancellationToken cancellationToken);

    /// <summary>The live version of a stage and options hash, or null.</summary>
    Task<StoredModel?> GetLiveAsync(string stageKey, string optionsHash, CancellationToken cancellationToken);

    /// <summary>One version by id, or null.</summary>
    Task<StoredModel?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The artefact of a version, checked against its SHA-256.</summary>
    /// <exception cref="ModelException">There is no such version, or its bytes do not match their hash.</exception>
    Task<byte[]> GetArtefactAsync(long id, CancellationToken cancellationToken);

    /// <summary>Every version (of one stage when <paramref name="stageKey"/> is given), by stage, options hash and version.</summary>
    Task<IReadOnlyList<StoredModel>> ListAsync(string? stageKey, CancellationToken cancellationToken);
}

/// <summary>A model operation cannot be done; the message says why and what to do.</summary>
public sealed class ModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ModelException(string message, Exception inner) : base(message, inner) { }
}
