using Campaigns.Data;
using Campaigns.Message;
using Campaigns.Stages;

namespace Campaigns.Core.Tests.Message;

public sealed class MessageTemplateTests
{
    private static readonly CampaignRunInfo Run = new("spring-sale", 2, "once");

    private static MessageModel Model(string firstName = "Ada", string title = "Red mug") => new(
        new Customer("c1") { Attributes = new Dictionary<string, string> { ["first_name"] = firstName } },
        [new RecommendedItem(new CatalogItem("sku-1", title) { Price = 4.5m, ImageUrl = "https://shop.example/1.jpg" }, new Recommendation("sku-1", 3, "popular:30d"))],
        Run, "Spring sale");

    private static MessageTemplate Compile(string text, string? subject = null, bool html = false, TemplateLimits? limits = null) =>
        MessageTemplate.Compile(text, subject, html, "test", limits ?? TemplateLimits.Default, out var errors)
        ?? throw new InvalidOperationException(string.Join("; ", errors));

    [Fact]
    public void Renders_customer_items_and_campaign()
    {
        using var template = Compile("Hi {{ customer.first_name }}: {{ for i in items }}{{ i.title }} £{{ i.price_text }} ({{ i.reason }}){{ end }} — {{ campaign.name }} v{{ campaign.version }}", "{{ items[0].title }}!");
        var message = template.Render(Model());
        Assert.Equal("Hi Ada: Red mug £4.50 (popular:30d) — Spring sale v2", message.Body);
        Assert.Equal("Red mug!", message.Subject);
    }

    [Fact]
    public void Customer_data_is_output_never_evaluated()
    {
        using var template = Compile("Hi {{ customer.first_name }}");
        Assert.Equal("Hi {{ 7 * 6 }}{{ include 'x' }}", template.Render(Model(firstName: "{{ 7 * 6 }}{{ include 'x' }}")).Body);
    }

    [Fact]
    public void Html_templates_escape_every_value()
    {
        using var template = Compile("<p>{{ customer.first_name }} {{ items[0].title }}</p>", html: true);
        Assert.Equal("<p>&lt;script&gt;x&lt;/script&gt; Mug &amp; saucer</p>", template.Render(Model("<script>x</script>", "Mug & saucer")).Body);
    }

    [Fact]
    public void Loops_past_the_limit_fail_the_message()
    {
        using var template = Compile("{{ for i in 1..100000 }}x{{ end }}");
        Assert.Throws<MessageRenderException>(() => template.Render(Model()));
    }

    [Fact]
    public void Output_past_the_limit_fails_the_message()
    {
        using var template = Compile("{{ for i in 1..500 }}0123456789{{ end }}", limits: TemplateLimits.Default with { OutputLimit = 1_000 });
        Assert.Throws<MessageRenderException>(() => template.Render(Model()));
    }

    [Fact]
    public void Runaway_recursion_fails_the_message()
    {
        using var template = Compile("{{ func f(x); ret f(x + 1); end; f(1) }}");
        Assert.Throws<MessageRenderException>(() => template.Render(Model()));
    }

    [Fact]
    public void A_slow_template_is_stopped_at_the_deadline()
    {
        var limits = TemplateLimits.Default with { LoopLimit = int.MaxValue, Deadline = TimeSpan.FromMilliseconds(50) };
        using var template = Compile("{{ for i in 1..2000000000 }}{{ end }}", limits: limits);
        Assert.Throws<MessageRenderException>(() => template.Render(Model()));
        // The next message on the same thread gets a fresh deadline.
        using var quick = Compile("ok", limits: limits);
        Assert.Equal("ok", quick.Render(Model()).Body);
    }

    [Fact]
    public void Templates_cannot_include_files_or_change_shared_items()
    {
        using var include = Compile("{{ include '/etc/passwd' }}");
        Assert.Throws<MessageRenderException>(() => include.Render(Model()));

        using var mutate = Compile("{{ items[0].title = 'hacked' }}{{ items[0].title }}");
        Assert.Throws<MessageRenderException>(() => mutate.Render(Model()));
    }

    [Fact]
    public void Parse_errors_come_with_line_and_column()
    {
        Assert.Null(MessageTemplate.Compile("line one\n{{ if }}", null, false, "t.scriban", TemplateLimits.Default, out var errors));
        Assert.Contains(errors, e => e.Contains("t.scriban(2,"));
    }

    [Fact]
    public void Renders_concurrently_with_one_context_per_thread()
    {
        using var template = Compile("{{ customer.first_name }}");
        var results = Enumerable.Range(0, 2_000).AsParallel().Select(i => template.Render(Model(firstName: "n" + i)).Body).ToList();
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => "n" + i), results);
    }
}
