using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Campaigns.Plugins.Timing.ML;

/// <summary>
/// The trained classifier as a stored model: whether one was trained, on how many positive rows, and ML.NET's own
/// serialization of it (<c>Model.Save</c>). The population's hour shares and each customer's history are read fresh at
/// every run, so a stored model follows what customers did since it was trained.
/// </summary>
internal sealed partial class EngagementModel
{
    /// <summary>The artefact format; bump the number when the layout or the features change.</summary>
    public const string Format = "ml-engagement/1";

    public byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Format);
            writer.Write(HourFeatures.Count);
            writer.Write(Positives);
            writer.Write(_transformer is not null);
            if (_transformer is not null)
            {
                using var model = new MemoryStream();
                _ml.Model.Save(_transformer, _schema, model);
                writer.Write(checked((int)model.Length));
                writer.Write(model.GetBuffer(), 0, (int)model.Length);
            }
        }
        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">The artefact is not an ml-engagement model of this format, or is damaged.</exception>
    public static EngagementModel Read(byte[] artefact, int seed)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(artefact, writable: false));
            var format = reader.ReadString();
            if (format != Format) throw new InvalidDataException($"expected a model of format {Format}, got {format}");
            if (reader.ReadInt32() is var features && features != HourFeatures.Count)
                throw new InvalidDataException($"the model was trained on {features} features, this build computes {HourFeatures.Count}");
            var positives = reader.ReadInt32();
            var ml = new MLContext(seed);
            if (!reader.ReadBoolean()) return new EngagementModel(ml, null, positives);
            var length = reader.ReadInt32();
            if (length < 0 || length > artefact.Length) throw new InvalidDataException($"corrupt ml-engagement model: length {length}");
            using var model = new MemoryStream(reader.ReadBytes(length), writable: false);
            // The plugin has its own load context: ML.NET finds FastTree's loaders only in assemblies it was told about
            // (a host that restarts loads the live model before anything here has trained).
            ml.ComponentCatalog.RegisterAssembly(typeof(FastTreeBinaryTrainer).Assembly);
            var transformer = ml.Model.Load(model, out var schema);
            return new EngagementModel(ml, transformer, positives, schema);
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"the ml-engagement model cannot be read: {ex.Message}", ex);
        }
    }
}
