using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

/// <summary>
/// A labelled corpus of realistic Salesforce and HubSpot failures, both directions, every error type:
/// each line must classify exactly as labelled.
/// </summary>
public sealed class LabelledCorpusTests
{
    private const string CorpusFile = "Corpus/labelled-failures.jsonl";

    public static TheoryData<int, string, string> Cases()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var (line, text) in ReadLines())
        {
            using var document = JsonDocument.Parse(text);
            data.Add(line, document.RootElement.GetProperty("expected").GetString()!, document.RootElement.GetProperty("note").GetString() ?? "");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_classify_as_labelled(int line, string expected, string note)
    {
        var failure = ReadEvent(line);

        var result = SyncFailureClassifier.Default.Classify(failure).Primary;

        Assert.True(expected == result.ErrorType, $"line {line} ({note}): expected {expected}, got {result.ErrorType} by rule {result.RuleId}");
    }

    [Fact]
    public void Should_cover_every_error_type_of_the_catalog_with_at_least_four_cases()
    {
        var counts = ReadLines()
            .Select(l => JsonDocument.Parse(l.Text).RootElement.GetProperty("expected").GetString()!)
            .CountBy(type => type)
            .ToDictionary();

        Assert.True(ReadLines().Count() >= 150, "the corpus needs at least 150 cases");
        Assert.All(ErrorCatalog.Default.ErrorTypes, type => Assert.True(counts.GetValueOrDefault(type.Id) >= 4, $"{type.Id}: {counts.GetValueOrDefault(type.Id)} cases"));
    }

    [Fact]
    public void Should_cover_both_sources_directions_and_every_input_shape()
    {
        var events = ReadLines().Select(l => ReadEvent(l.Line)).ToList();
        var errors = events.SelectMany(e => e.Errors).ToList();

        Assert.True(events.Count(e => e.Source == "hubspot") >= 30);
        Assert.True(events.Count(e => e.Direction == "toHubSpot") >= 30);
        Assert.True(errors.Count(e => e.Raw is not null) >= 30);
        Assert.True(errors.Count(e => e.ErrorCode is not null) >= 10);
        Assert.True(errors.Count(e => e.Category is not null) >= 30);
    }

    private static SyncFailureReported ReadEvent(int line)
    {
        var text = ReadLines().Single(l => l.Line == line).Text;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("event").Deserialize<SyncFailureReported>(ContractJson.Options)!;
    }

    private static IEnumerable<(int Line, string Text)> ReadLines() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, CorpusFile))
            .Select((text, index) => (index + 1, text))
            .Where(l => !string.IsNullOrWhiteSpace(l.text));
}
