using System.Text.Json;
using System.Text.RegularExpressions;
using EventSync.Core.Catalog;
using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

public sealed class RequiredLiteralsTests
{
    [Theory]
    [InlineData("UNABLE_TO_LOCK_ROW|row lock", new[] { "UNABLE_TO_LOCK_ROW", "row lock" })]
    [InlineData(@"colou?r matters", new[] { "r matters" })]
    [InlineData(@"(inactive|deactivated)\b.{0,40}stage", new[] { "stage" })]
    [InlineData(@"missing: \[contact ?id\]", new[] { "missing: [contact" })]
    [InlineData(@"e-?mail.{0,60}already", new[] { "already" })]
    [InlineData(@"ab+cdef", new[] { "cdef" })]
    [InlineData(@"times{1,3}out", new[] { "times" })]
    public void Should_find_the_literal_every_match_must_contain(string pattern, string[] expected)
    {
        Assert.Equal(expected, RequiredLiterals.LiteralsFor(pattern));
    }

    [Theory]
    [InlineData(@"^\s*50[234]\b")]
    [InlineData(@"(a|b) x|y?")]
    [InlineData(@"\bfür\b")]
    public void Should_give_no_gate_when_an_alternative_has_no_sure_literal(string pattern)
    {
        Assert.Null(RequiredLiterals.GateFor(pattern));
    }

    [Fact]
    public void Should_never_skip_a_corpus_message_that_a_rule_pattern_matches()
    {
        var patterns = ClassificationRules.LoadEmbedded(ErrorCatalog.Default).Rules
            .Select(r => r.MessagePattern)
            .OfType<Regex>()
            .Select(r => (Regex: r, Gate: RequiredLiterals.GateFor(r.ToString())))
            .Where(p => p.Gate is not null)
            .ToList();
        var messages = CorpusMessages().ToList();

        Assert.NotEmpty(patterns);
        Assert.True(messages.Count > 400);
        foreach (var (regex, gate) in patterns)
        {
            foreach (var message in messages.Where(m => regex.IsMatch(m)))
            {
                Assert.True(RequiredLiterals.Opens(gate!, message.ToLowerInvariant()), $"gate of /{regex}/ skips \"{message}\"");
            }
        }
    }

    private static IEnumerable<string> CorpusMessages() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("event").GetProperty("errors").EnumerateArray())
            .SelectMany(e => new[] { "message", "raw" }.Where(p => e.TryGetProperty(p, out _)).Select(p => e.GetProperty(p).GetString() ?? ""));
}
