using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

public sealed class ClassificationExplanationTests
{
    private static readonly FailureContext ToSalesforce = new(FailureSource.Salesforce, SyncDirection.ToSalesforce, "contact");

    [Fact]
    public void Should_name_the_deciding_rule_and_the_words_its_pattern_matched_when_a_message_decides()
    {
        var error = new ReportedError { StatusCode = "PROCESSING_HALTED", Message = "The batch ran past its time limit and was halted" };

        var explanation = SyncFailureClassifier.Default.Explain(error, ToSalesforce);

        Assert.Equal(("sf.processing-halted-time-limit", "timeout", "PROCESSING_HALTED"), (explanation.RuleId, explanation.ErrorType, explanation.Code));
        Assert.Equal("time limit", explanation.Words);
        Assert.Equal(SyncFailureClassifier.Default.Classify(error, ToSalesforce).RuleId, explanation.RuleId);
    }

    [Fact]
    public void Should_list_a_later_rule_that_also_matched_as_near_by_order()
    {
        var error = new ReportedError { StatusCode = "PROCESSING_HALTED", Message = "The batch ran past its time limit and was halted" };

        var explanation = SyncFailureClassifier.Default.Explain(error, ToSalesforce);

        Assert.Contains(new NearRule("sf.processing-halted", "batch-rollback", "order"), explanation.NearRules);
    }

    [Fact]
    public void Should_list_a_rule_of_the_same_code_whose_message_did_not_match_as_near_by_message()
    {
        var error = new ReportedError { StatusCode = "PROCESSING_HALTED", Message = "Another operation of the transaction failed" };

        var explanation = SyncFailureClassifier.Default.Explain(error, ToSalesforce);

        Assert.Equal("sf.processing-halted", explanation.RuleId);
        Assert.Null(explanation.Words);
        Assert.Contains(new NearRule("sf.processing-halted-time-limit", "timeout", "message"), explanation.NearRules);
    }

    [Fact]
    public void Should_say_unknown_with_the_code_it_tried_when_no_rule_matched()
    {
        var error = new ReportedError { StatusCode = "SOMETHING_NEW", Message = "Nobody has seen this before" };

        var explanation = SyncFailureClassifier.Default.Explain(error, ToSalesforce);

        Assert.Equal((SyncFailureClassifier.UnknownRuleId, ErrorCatalog.UnknownType, "SOMETHING_NEW"), (explanation.RuleId, explanation.ErrorType, explanation.Code));
        Assert.All(explanation.NearRules, near => Assert.NotEqual("code", near.Missed));
    }
}
