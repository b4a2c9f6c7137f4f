using Campaigns.Data;
using Campaigns.Import;

namespace Campaigns.Core.Tests.Import;

/// <summary>The shipped sample and the full UCI file, read end to end.</summary>
public sealed class OnlineRetailDatasetTests
{
    [Fact]
    public async Task The_shipped_sample_imports_cleanly()
    {
        var path = Path.Combine(ImportTestFiles.RepoRoot(), "templates", "sample-data", "online-retail-sample.csv.gz");
        var writer = new InMemoryImportWriter();

        var result = await new InteractionImporter(writer, TimeProvider.System).ImportAsync(path);

        // Every customer whose CustomerID is 7 modulo 12 (templates/sample-data/README.md): 343 of them, 34,758 lines.
        Assert.Equal(ImportFormat.OnlineRetail, result.Format);
        Assert.Equal(34_758, result.Lines);
        Assert.Equal(0, result.BadRows);
        Assert.Equal(0, result.SkippedGuest);
        Assert.Equal(245, result.SkippedNonProduct);
        Assert.Equal(34_513, result.EventsAdded);
        Assert.Equal(343, result.CustomersAdded);
        Assert.Equal(2_892, result.ItemsAdded);
        Assert.Empty(writer.OrderViolations);
        Assert.Contains(writer.Customers.Values, c => c.TimeZone != "Europe/London");
    }

    [Fact]
    public async Task The_full_file_reproduces_the_published_figures()
    {
        // Next to the repository, as on the development machines: ../shared/data/online-retail/.
        var path = Path.GetFullPath(Path.Combine(ImportTestFiles.RepoRoot(), "..", "shared", "data", "online-retail",
            "online_retail_2010-12_2011-12.csv.gz"));
        Assert.True(File.Exists(path), $"The Online Retail file is missing: {path}");
        var writer = new InMemoryImportWriter();

        var result = await new InteractionImporter(writer, TimeProvider.System).ImportAsync(path);

        // Figures of ../shared/data/online-retail/README.md: 541,909 lines, 135,080 without CustomerID.
        Assert.Equal(541_909, result.Lines);
        Assert.Equal(135_080, result.SkippedGuest);
        Assert.Equal(0, result.BadRows);
        // Of the README's 4,372 customers, 9 bought only postage, fees or adjustments: no event, no customer.
        Assert.Equal(4_363, result.CustomersAdded);
        Assert.Equal(1_920, result.SkippedNonProduct);
        Assert.Equal(541_909 - 135_080 - 1_920, result.EventsAdded);
        Assert.Equal(8_539, writer.Events.Values.Count(e => e.Type == InteractionTypes.Return));
        Assert.Equal(3_676, result.ItemsAdded);
        // 38 countries, but every Hong Kong line is a guest checkout.
        var countries = writer.Customers.Values.Select(c => c.Attributes["country"]).ToHashSet();
        Assert.Equal(37, countries.Count);
        Assert.DoesNotContain("Hong Kong", countries);
        Assert.Empty(writer.OrderViolations);
    }
}
