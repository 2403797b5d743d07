namespace EventSync.Cli.Errors;

/// <summary>What <c>eventsync errors requeue</c> moves: at most <see cref="Max"/> messages from an error queue to <see cref="TargetQueue"/>.</summary>
internal sealed record RequeueOptions(string ErrorQueue, string TargetQueue, int? Max, bool DryRun)
{
    private static readonly string[] MassTransitSuffixes = ["_error", "_skipped"];

    /// <summary>The queue MassTransit moved the messages from: the error queue's name without <c>_error</c> (or <c>_skipped</c>).</summary>
    public static string? SourceOf(string errorQueue)
    {
        ArgumentNullException.ThrowIfNull(errorQueue);
        return MassTransitSuffixes
            .Where(suffix => errorQueue.Length > suffix.Length && errorQueue.EndsWith(suffix, StringComparison.Ordinal))
            .Select(suffix => errorQueue[..^suffix.Length])
            .FirstOrDefault();
    }
}
