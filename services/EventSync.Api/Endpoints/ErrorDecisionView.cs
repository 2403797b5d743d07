using EventSync.Core.Classification;

namespace EventSync.Api.Endpoints;

/// <summary>Why an error has its type: the rule that decided, the status code and words it decided on, and the rules that came near.</summary>
internal sealed record ErrorDecisionView(string RuleId, string? Code, string? Words, IReadOnlyList<string> Fields, IReadOnlyList<NearRule> NearRules)
{
    /// <summary>The decision for the reported error that gave <paramref name="errorType"/>; null when none of them does (errors stored before the rules changed).</summary>
    public static ErrorDecisionView? For(string errorType, IReadOnlyList<EventSync.Contracts.ReportedError> reported, FailureContext context, ISyncFailureClassifier classifier)
    {
        foreach (var error in reported)
        {
            var explanation = classifier.Explain(error, context);
            if (explanation.ErrorType == errorType)
            {
                return new ErrorDecisionView(explanation.RuleId, explanation.Code, explanation.Words, explanation.Fields, explanation.NearRules);
            }
        }

        return null;
    }
}
