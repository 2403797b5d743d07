using System.Text;
using EventSync.Core.Catalog;
using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

public sealed class ClassificationRulesTests
{
    [Fact]
    public void Should_load_the_shipped_rules_with_unique_ids_that_name_catalog_types()
    {
        var rules = ClassificationRules.LoadEmbedded(ErrorCatalog.Default);

        Assert.True(rules.Count > 50);
        Assert.Equal(rules.Count, rules.Rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules.Rules, r => Assert.True(ErrorCatalog.Default.TryGet(r.ErrorType, out _), r.Id));
    }

    [Fact]
    public void Should_give_every_non_unknown_error_type_at_least_one_rule()
    {
        var decided = ClassificationRules.LoadEmbedded(ErrorCatalog.Default).Rules.Select(r => r.ErrorType).ToHashSet();

        Assert.All(ErrorCatalog.Default.ErrorTypes, t => Assert.Contains(t.Id, decided));
    }

    [Theory]
    [InlineData("""{ "id": "x", "errorType": "no-such-type", "codes": ["A_B"] }""", "error type 'no-such-type'")]
    [InlineData("""{ "id": "x", "errorType": "timeout" }""", "at least one of 'codes', 'message' or 'field'")]
    [InlineData("""{ "id": "x", "errorType": "timeout", "message": "(unclosed" }""", "'message' is not a usable regular expression")]
    [InlineData("""{ "id": "x", "errorType": "timeout", "message": "a{2,1}" }""", "'message' is not a usable regular expression")]
    [InlineData("""{ "id": "x", "errorType": "timeout", "codes": ["A_B"], "field": "[z-a]" }""", "'field' is not a usable regular expression")]
    [InlineData("""{ "id": "x", "errorType": "timeout", "codes": ["A_B"], "source": "marketo" }""", "source 'marketo'")]
    [InlineData("""{ "errorType": "timeout", "codes": ["A_B"] }""", "needs an id")]
    public void Should_name_the_rule_when_a_rule_is_malformed(string rule, string expected)
    {
        var error = Assert.Throws<ClassificationRulesException>(() => Load($$"""{ "rules": [ {{rule}} ] }"""));

        Assert.Contains("rules[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_rule_id_used_twice()
    {
        var error = Assert.Throws<ClassificationRulesException>(() => Load("""
            { "rules": [ { "id": "a", "errorType": "timeout", "codes": ["X_Y"] }, { "id": "a", "errorType": "timeout", "codes": ["Y_Z"] } ] }
            """));

        Assert.Contains("rules[1] 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_unknown_properties_so_that_a_typo_does_not_widen_a_rule()
    {
        var error = Assert.Throws<ClassificationRulesException>(() => Load("""{ "rules": [ { "id": "a", "errorType": "timeout", "code": ["X_Y"], "message": "x" } ] }"""));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_try_rules_in_file_order_when_several_match()
    {
        var rules = Load("""
            { "rules": [
              { "id": "specific", "errorType": "validation-rule", "codes": ["SOME_CODE"], "message": "special" },
              { "id": "message-only", "errorType": "timeout", "message": "special|plain" },
              { "id": "by-code", "errorType": "string-too-long", "codes": ["SOME_CODE"] } ] }
            """);
        var classifier = new SyncFailureClassifier(ErrorCatalog.Default, rules);
        var context = new FailureContext(FailureSource.Salesforce, SyncDirection.ToSalesforce, "contact");

        Assert.Equal("specific", classifier.Classify(new() { StatusCode = "SOME_CODE", Message = "a special case" }, context).RuleId);
        Assert.Equal("message-only", classifier.Classify(new() { StatusCode = "SOME_CODE", Message = "a plain case" }, context).RuleId);
        Assert.Equal("by-code", classifier.Classify(new() { StatusCode = "SOME_CODE", Message = "other" }, context).RuleId);
        Assert.Equal("message-only", classifier.Classify(new() { StatusCode = "NEVER_SEEN", Message = "plain" }, context).RuleId);
        Assert.Equal(SyncFailureClassifier.UnknownRuleId, classifier.Classify(new() { StatusCode = "NEVER_SEEN", Message = "other" }, context).RuleId);
    }

    [Fact]
    public void Should_treat_a_rule_as_not_matching_when_its_pattern_runs_past_the_time_limit()
    {
        // (a+)+$ backtracks exponentially on a run of a's that does not end the text: it cannot finish within the limit.
        var rules = Load("""
            { "rules": [
              { "id": "catastrophic", "errorType": "validation-rule", "message": "(a+)+$" },
              { "id": "next", "errorType": "timeout", "message": "aaa" } ] }
            """);
        var classifier = new SyncFailureClassifier(ErrorCatalog.Default, rules);
        var context = new FailureContext(FailureSource.Salesforce, SyncDirection.ToSalesforce, "contact");

        var classified = classifier.Classify(new() { StatusCode = "SOME_CODE", Message = new string('a', 64) + "!" }, context);

        Assert.Equal("next", classified.RuleId);
        Assert.Equal(ClassificationRules.PatternTimeout, Assert.Single(rules.Rules, r => r.Id == "catastrophic").MessagePattern!.MatchTimeout);
    }

    [Fact]
    public void Should_give_every_shipped_pattern_the_time_limit()
    {
        var rules = ClassificationRules.LoadEmbedded(ErrorCatalog.Default).Rules;

        Assert.All(rules.Where(r => r.MessagePattern is not null), r => Assert.Equal(ClassificationRules.PatternTimeout, r.MessagePattern!.MatchTimeout));
    }

    private static ClassificationRules Load(string json) =>
        ClassificationRules.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), ErrorCatalog.Default);
}
