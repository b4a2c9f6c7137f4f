using System.Text.Json;
using Campaigns.Stages;

namespace Campaigns.Plugins.Segmentation.ML.Propensity;

/// <summary>
/// A trained propensity model as the registry stores it (<c>propensity-segment/1</c>, JSON): the categories its
/// affinity features measure, the classifier in ML.NET's format, and the probability that made the top percent when it
/// was trained. A campaign with it scores each customer's current features and takes everyone at or above that bar.
/// </summary>
/// <param name="Categories">The categories of the affinity features, in vector order.</param>
/// <param name="Threshold">The lowest probability among the top percent at training (+∞ when nobody could be scored).</param>
/// <param name="Scored">Customers scored at training.</param>
/// <param name="Selected">Customers at or above the threshold then.</param>
/// <param name="Model">The FastTree classifier, as ML.NET saves it.</param>
internal sealed record PropensityArtefact(string[] Categories, double Threshold, int Scored, int Selected, byte[] Model)
{
    /// <summary>The format this build writes and reads.</summary>
    public const string Format = "propensity-segment/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The bytes to store.</summary>
    public byte[] Write() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads a stored model.</summary>
    /// <exception cref="InvalidDataException">Another format, or bytes that are not such a model.</exception>
    public static PropensityArtefact Read(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Format != Format) throw new InvalidDataException($"propensity-segment reads models of format {Format}, not {model.Format}");
        try
        {
            return JsonSerializer.Deserialize<PropensityArtefact>(model.Artefact, Json) is { Model.Length: > 0 } read
                ? read : throw new InvalidDataException("propensity-segment: the stored model has no classifier");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"propensity-segment: the model is not readable ({ex.Message})", ex);
        }
    }
}
