using Microsoft.Extensions.Options;

namespace EventSync.ServiceDefaults.Messaging.Outbox;

/// <summary>Checks <see cref="OutboxOptions"/> at start-up: a service with nonsense settings does not start.</summary>
internal sealed class OutboxOptionsValidation : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{OutboxOptions.Section}:PollInterval must be positive.");
        }

        if (options.BatchSize < 1)
        {
            failures.Add($"{OutboxOptions.Section}:BatchSize must be 1 or more.");
        }

        if (options.Lease <= TimeSpan.Zero)
        {
            failures.Add($"{OutboxOptions.Section}:Lease must be positive.");
        }

        if (options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay)
        {
            failures.Add($"{OutboxOptions.Section}:FirstRetryDelay must be positive and MaxRetryDelay at least as long.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
