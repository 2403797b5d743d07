using EventSync.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace EventSync.Classifier;

/// <summary>
/// Checks <see cref="ClassifierOptions"/> at start-up, naming each setting: a batch endpoint holds at most
/// <see cref="MessagingOptions.PrefetchCount"/> deliveries, so batches of <c>BatchSize</c> × <c>BatchConcurrency</c> beyond
/// it could never fill and would only ever end on their time limit.
/// </summary>
internal sealed class ClassifierOptionsValidation(IOptions<MessagingOptions> messaging) : IValidateOptions<ClassifierOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassifierOptions options)
    {
        var failures = new List<string>();
        if (options.BatchSize < 1)
        {
            failures.Add($"{ClassifierOptions.Section}:BatchSize must be 1 or more.");
        }

        if (options.BatchConcurrency < 1)
        {
            failures.Add($"{ClassifierOptions.Section}:BatchConcurrency must be 1 or more.");
        }

        if (options.BatchTimeLimit <= TimeSpan.Zero)
        {
            failures.Add($"{ClassifierOptions.Section}:BatchTimeLimit must be positive.");
        }

        if (options.IgnoredErrorCheckInterval <= TimeSpan.Zero)
        {
            failures.Add($"{ClassifierOptions.Section}:IgnoredErrorCheckInterval must be positive.");
        }

        var prefetch = messaging.Value.PrefetchCount;
        if (options.BatchSize >= 1 && options.BatchConcurrency >= 1 && (long)options.BatchSize * options.BatchConcurrency > prefetch)
        {
            failures.Add(
                $"{ClassifierOptions.Section}:BatchSize × BatchConcurrency ({options.BatchSize} × {options.BatchConcurrency}) must be at most " +
                $"{MessagingOptions.Section}:PrefetchCount ({prefetch}): batches that large could never fill.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
