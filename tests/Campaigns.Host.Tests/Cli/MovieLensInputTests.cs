using System.Globalization;
using System.Text;
using System.Text.Json;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>
/// <c>evaluate --input</c> on the MovieLens <c>u.data</c> layout (no header, <c>user TAB item TAB rating TAB seconds</c>),
/// with a small hand-made file: the real MovieLens data may not be redistributed.
/// </summary>
public sealed class MovieLensInputTests
{
    [Fact]
    public async Task A_ratings_file_without_header_is_recognised_and_evaluated()
    {
        using var host = new HostProcess();
        var file = await EvaluateVerbTests.WriteAsync(host, Ratings(), "u.data");

        var result = await host.RunAsync("evaluate", "--input", file, "--split", "stratified-user", "--ratio", "0.75", "--seed", "42",
            "--algorithms", "most-popular,ease", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("MovieLens, 240 interactions", result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            // 30 users, each with held-out films: every one is evaluated.
            Assert.Equal(30, json.RootElement.GetProperty("users").GetInt32());
        }
    }

    [Fact]
    public async Task A_malformed_line_is_reported_with_its_number_and_the_rest_is_evaluated()
    {
        using var host = new HostProcess();
        var lines = Ratings().Split('\n').ToList();
        lines.Insert(2, "7\t12\tfive\t881250949"); // line 3 of the file: there is no header
        lines.Insert(5, "7\t12\t3");               // line 6
        var file = await EvaluateVerbTests.WriteAsync(host, string.Join('\n', lines), "u.data");

        var result = await host.RunAsync("evaluate", "--input", file, "--split", "stratified-user", "--algorithms", "most-popular");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{file}:3: rating 'five' is not a number", result.Error);
        Assert.Contains($"{file}:6: expected 4 tab-separated fields", result.Error);
        Assert.Contains("MovieLens, 240 interactions", result.Error);
    }

    [Fact]
    public async Task Validation_scores_an_inner_split_of_the_training_half_only()
    {
        using var host = new HostProcess();
        var file = await EvaluateVerbTests.WriteAsync(host, Ratings(), "u.data");

        var test = await host.RunAsync("evaluate", "--input", file, "--split", "stratified-user", "--algorithms", "most-popular", "--json");
        var validation = await host.RunAsync("evaluate", "--input", file, "--split", "stratified-user", "--algorithms", "most-popular", "--json", "--validation");
        var temporal = await host.RunAsync("evaluate", "--input", file, "--split-at", "1997-10-01", "--algorithms", "most-popular", "--validation");

        Assert.True(validation.ExitCode == 0, validation.ToString());
        Assert.Contains("validation", validation.Error);
        // Each user has 8 films: 6 train and 2 test; validation splits the 6 again into 4 and 2, so both score 30 users
        // but on different held-out films.
        using var a = JsonDocument.Parse(test.Out.Trim());
        using var b = JsonDocument.Parse(validation.Out.Trim());
        Assert.NotEqual(a.RootElement.GetProperty("ndcg@10").GetDouble(), b.RootElement.GetProperty("ndcg@10").GetDouble());
        Assert.True(temporal.ExitCode == 2, temporal.ToString());
        Assert.Contains("--validation needs a stratified split", temporal.Error);
    }

    /// <summary>30 users rate 8 of 20 films each: two taste groups, so a learned model has something to find.</summary>
    private static string Ratings()
    {
        var text = new StringBuilder();
        var start = new DateTimeOffset(1997, 9, 20, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var u = 1; u <= 30; u++)
        {
            for (var n = 0; n < 8; n++)
            {
                var item = (u % 2 == 0 ? 1 : 11) + (u + n * 3) % 10;
                var rating = 1 + (u * 7 + n) % 5;
                text.Append(CultureInfo.InvariantCulture, $"{u}\t{item}\t{rating}\t{start + u * 86_400 + n * 600}\n");
            }
        }
        return text.ToString();
    }
}
