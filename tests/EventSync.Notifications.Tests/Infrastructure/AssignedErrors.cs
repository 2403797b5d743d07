using EventSync.Contracts;
using EventSync.Core.Classification;
using EventSync.Core.Errors;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>Errors as the classifier stores them (Core's transitions), each assigned with Core's transition: store values without a store.</summary>
public static class AssignedErrors
{
    public static List<SyncError> Of(string? assignee, DateTimeOffset at, params SyncFailureReported[] failures) =>
    [
        .. failures
            .SelectMany(f => FailureOccurrence.Of(f, SyncFailureClassifier.Default.Classify(f), at))
            .Select(o => SyncErrorTransitions.Apply(null, o)!.Error)
            .Select(e => SyncErrorTransitions.Assign(e, assignee) ?? e),
    ];
}
