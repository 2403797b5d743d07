using System.Text.Json;
using EventSync.Testing.Tools;

namespace EventSync.Cli.Tests;

public sealed class CatalogCommandTests
{
    [Theory]
    [InlineData("en", "Salesforce duplicate rule")]
    [InlineData("pl", "Reguła duplikowania Salesforce")]
    public async Task Should_list_every_type_with_texts_in_the_language_asked_for_when_json_is_asked_for(string language, string duplicateRuleTitle)
    {
        var run = await CliRun.Of("catalog", "--lang", language, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var catalog = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(language, catalog.GetProperty("language").GetString());
        var types = catalog.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("errorTypes").EnumerateArray()).ToList();
        Assert.Equal(39, types.Count);
        var duplicateRule = types.Single(t => t.GetProperty("id").GetString() == "salesforce-duplicate-rule");
        Assert.Equal(duplicateRuleTitle, duplicateRule.GetProperty("title").GetString());
        Assert.All(types, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("fix").GetString())));
    }

    [Fact]
    public async Task Should_print_a_table_with_every_error_type_by_default()
    {
        var run = await CliRun.Of("catalog");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("restricted-picklist-value", run.Output, StringComparison.Ordinal);
        Assert.Contains("Restricted picklist value", run.Output, StringComparison.Ordinal);
        Assert.Contains("39 error types in 9 categories.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_language_it_does_not_have()
    {
        var run = await CliRun.Of("catalog", "--lang", "de");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("de", run.Errors, StringComparison.Ordinal);
    }
}
