using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Evaluation;

namespace Campaigns.Host.Cli;

/// <summary>Prints evaluation results: an aligned table for people, JSON lines with stable keys for scripts.</summary>
internal static class EvaluationOutput
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>One object per line; metric keys carry k (<c>ndcg@10</c>), and the key names are part of the command line's contract.</summary>
    public static void WriteJson(TextWriter writer, IReadOnlyList<AlgorithmResult> results)
    {
        foreach (var r in results)
        {
            var line = new JsonObject
            {
                ["algorithm"] = r.Algorithm,
                [$"ndcg@{r.K}"] = Round(r.Ndcg),
                [$"precision@{r.K}"] = Round(r.Precision),
                [$"recall@{r.K}"] = Round(r.Recall),
                [$"map@{r.K}"] = Round(r.Map),
                [$"hit@{r.K}"] = Round(r.Hit),
                ["coverage"] = Round(r.Coverage),
                ["train_seconds"] = Round(r.TrainSeconds),
                ["recommend_seconds"] = Round(r.RecommendSeconds),
                ["users"] = r.Users,
            };
            writer.WriteLine(line.ToJsonString(Compact));
        }
    }

    public static void WriteTable(TextWriter writer, IReadOnlyList<AlgorithmResult> results)
    {
        var k = results.Count > 0 ? results[0].K : 10;
        var width = Math.Max("algorithm".Length, results.Count == 0 ? 0 : results.Max(r => r.Algorithm.Length));
        string[] headers = [$"ndcg@{k}", $"precision@{k}", $"recall@{k}", $"map@{k}", $"hit@{k}", "coverage", "train s", "recommend s", "users"];
        writer.WriteLine("algorithm".PadRight(width) + string.Concat(headers.Select(h => "  " + h.PadLeft(12))));
        foreach (var r in results)
        {
            string[] cells =
            [
                F(r.Ndcg), F(r.Precision), F(r.Recall), F(r.Map), F(r.Hit), F(r.Coverage),
                r.TrainSeconds.ToString("0.000", CultureInfo.InvariantCulture), r.RecommendSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                r.Users.ToString(CultureInfo.InvariantCulture),
            ];
            writer.WriteLine(r.Algorithm.PadRight(width) + string.Concat(cells.Select(c => "  " + c.PadLeft(12))));
        }
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static double Round(double value) => Math.Round(value, 6);
}
