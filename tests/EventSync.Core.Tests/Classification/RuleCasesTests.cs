using System.Text.Json;
using System.Text.Json.Serialization;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

/// <summary>Every rule has a case it must decide and a near miss it must not (rule-cases.json).</summary>
public sealed class RuleCasesTests
{
    private const string CasesFile = "Classification/rule-cases.json";

    private static readonly Lazy<IReadOnlyList<RuleCase>> AllCases = new(() =>
        JsonSerializer.Deserialize<RuleCasesDocument>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, CasesFile)), ContractJson.Options)!.Cases);

    public static TheoryData<string> RuleIds() => [.. AllCases.Value.Select(c => c.RuleId)];

    [Fact]
    public void Should_have_exactly_one_case_for_every_rule()
    {
        var rules = ClassificationRules.LoadEmbedded(ErrorCatalog.Default).Rules.Select(r => r.Id);

        Assert.Equal(rules, AllCases.Value.Select(c => c.RuleId));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Should_be_decided_by_the_rule_when_the_case_matches(string ruleId)
    {
        var result = Classify(AllCases.Value.Single(c => c.RuleId == ruleId).Match);

        Assert.Equal(ruleId, result.RuleId);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Should_not_be_decided_by_the_rule_when_the_case_is_a_near_miss(string ruleId)
    {
        var result = Classify(AllCases.Value.Single(c => c.RuleId == ruleId).NearMiss);

        Assert.NotEqual(ruleId, result.RuleId);
    }

    private static ErrorClassification Classify(RuleCaseInput input) =>
        SyncFailureClassifier.Default.Classify(new SyncFailureReported
        {
            EventId = "e",
            TenantId = "t",
            Source = input.Source,
            Direction = input.Direction,
            ObjectType = input.ObjectType,
            Errors = [input.Error],
        }).Primary;

    private sealed record RuleCasesDocument([property: JsonRequired] IReadOnlyList<RuleCase> Cases);

    private sealed record RuleCase(string RuleId, RuleCaseInput Match, RuleCaseInput NearMiss);

    private sealed record RuleCaseInput(string? Source, string? Direction, string? ObjectType, ReportedError Error);
}
