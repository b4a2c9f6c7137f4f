using System.Globalization;
using Campaigns.Models;

namespace Campaigns.Host.Cli;

/// <summary>How the <c>models</c> verb prints versions: one line each in a list, every field for one.</summary>
internal static class ModelsOutput
{
    public static void WriteList(TextWriter writer, IReadOnlyList<StoredModel> models)
    {
        if (models.Count == 0)
        {
            writer.WriteLine("no models yet: models retrain <stage>, or configure Campaigns:Retraining:Stages");
            return;
        }
        writer.WriteLine($"{"id",5}  {"stage",-20} {"options",-16} {"ver",4}  {"status",-9} {"data window",-23} {"metric",-20} reason");
        foreach (var m in models)
            writer.WriteLine($"{m.Id,5}  {m.StageKey,-20} {m.OptionsHash,-16} {m.Version,4}  {m.Status,-9} {Window(m),-23} {Metric(m),-20} {m.Reason}");
    }

    public static void WriteOne(TextWriter writer, StoredModel m)
    {
        writer.WriteLine($"model {m.Id}: {m.Label}, {m.Status}");
        writer.WriteLine($"  options      {m.OptionsHash} {m.Options}");
        writer.WriteLine($"  data window  {m.DataFrom:u} to {m.DataUntil:u}");
        writer.WriteLine($"  gate         {Metric(m)}");
        foreach (var (name, value) in m.Metrics) writer.WriteLine($"  metric       {name} = {Format(value)}");
        foreach (var (name, value) in m.Stats) writer.WriteLine($"  stage stat   {name} = {Format(value)}");
        writer.WriteLine($"  artefact     {m.Format}, {m.Size:N0} bytes, sha256 {m.Sha256}");
        writer.WriteLine($"  created      {m.CreatedAt:u}");
        writer.WriteLine($"  reason       {m.Reason}");
    }

    private static string Window(StoredModel m) => $"{m.DataFrom:yyyy-MM-dd} to {m.DataUntil:yyyy-MM-dd}";

    private static string Metric(StoredModel m) => $"{m.GateMetric} {Format(m.Score)}";

    private static string Format(double value) => value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.0000", CultureInfo.InvariantCulture);
}
