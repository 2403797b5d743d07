using EventSync.Contracts;

namespace EventSync.Core.Classification;

/// <summary>Puts every reported failure into exactly one error type of the catalog. Never throws on input.</summary>
public interface ISyncFailureClassifier
{
    FailureClassification Classify(SyncFailureReported failure);

    ErrorClassification Classify(ReportedError reportedError, FailureContext context);

    /// <summary>Which rule decided <paramref name="reportedError"/>, on which code and words, and which rules came near.</summary>
    ClassificationExplanation Explain(ReportedError reportedError, FailureContext context);
}
