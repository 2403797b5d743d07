using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

/// <summary>
/// Labelled corpora of realistic Salesforce and HubSpot failures, both directions, every error type, written
/// independently of the rules: each line must classify exactly as labelled. Each hold-out set was measured before any
/// rule was tuned on it (see README's classifier section).
/// </summary>
public sealed class LabelledCorpusTests
{
    private const string Labelled = "labelled-failures.jsonl";
    private const string HoldOut = "holdout-failures.jsonl";
    private const string SecondHoldOut = "holdout2-failures.jsonl";

    // These corpora were written from the article's taxonomy; types added later are covered by the real-world corpus.
    private static readonly HashSet<string> TypesAddedAfterTheseCorpora = ["integration-authorization"];

    // HubSpot's INVALID_<TYPE> codes moved from invalid-value to type-mismatch, which left the first hold-out without an
    // invalid-value case; it was measured before that and is not written to afterwards.
    private static readonly HashSet<string> TypesRelabelledAwayInTheFirstHoldOut = ["invalid-value"];

    public static TheoryData<string, int, string, string> Cases()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var file in new[] { Labelled, HoldOut, SecondHoldOut })
        {
            foreach (var (line, text) in ReadLines(file))
            {
                using var document = JsonDocument.Parse(text);
                data.Add(file, line, document.RootElement.GetProperty("expected").GetString()!, document.RootElement.GetProperty("note").GetString() ?? "");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_classify_as_labelled(string file, int line, string expected, string note)
    {
        var failure = ReadEvent(file, line);

        var result = SyncFailureClassifier.Default.Classify(failure).Primary;

        Assert.True(expected == result.ErrorType, $"{file}:{line} ({note}): expected {expected}, got {result.ErrorType} by rule {result.RuleId}");
    }

    [Theory]
    [InlineData(Labelled, 150, 4)]
    [InlineData(HoldOut, 150, 3)]
    [InlineData(SecondHoldOut, 150, 3)]
    public void Should_cover_every_error_type_of_the_catalog(string file, int minimumCases, int minimumPerType)
    {
        var counts = ReadLines(file)
            .Select(l => JsonDocument.Parse(l.Text).RootElement.GetProperty("expected").GetString()!)
            .CountBy(type => type)
            .ToDictionary();

        Assert.True(ReadLines(file).Count() >= minimumCases, $"{file} needs at least {minimumCases} cases");
        var exempt = file == HoldOut ? TypesAddedAfterTheseCorpora.Union(TypesRelabelledAwayInTheFirstHoldOut) : TypesAddedAfterTheseCorpora;
        Assert.All(ErrorCatalog.Default.ErrorTypes.Where(t => !exempt.Contains(t.Id)), type => Assert.True(counts.GetValueOrDefault(type.Id) >= minimumPerType, $"{file}, {type.Id}: {counts.GetValueOrDefault(type.Id)} cases"));
    }

    [Theory]
    [InlineData(Labelled)]
    [InlineData(HoldOut)]
    public void Should_cover_both_sources_directions_and_every_input_shape(string file)
    {
        var events = ReadLines(file).Select(l => ReadEvent(file, l.Line)).ToList();
        var errors = events.SelectMany(e => e.Errors).ToList();

        Assert.True(events.Count(e => e.Source == "hubspot") >= 30);
        Assert.True(events.Count(e => e.Direction == "toHubSpot") >= 30);
        Assert.True(errors.Count(e => e.Raw is not null) >= 30);
        Assert.True(errors.Count(e => e.ErrorCode is not null) >= 10);
        Assert.True(errors.Count(e => e.Category is not null) >= 30);
    }

    private static SyncFailureReported ReadEvent(string file, int line) => CorpusFile.Event(file, line);

    private static IEnumerable<(int Line, string Text)> ReadLines(string file) => CorpusFile.Lines(file);
}
