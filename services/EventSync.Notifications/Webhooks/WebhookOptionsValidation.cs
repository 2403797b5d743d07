using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Webhooks;

/// <summary>Checks <see cref="WebhookOptions"/> at start-up, naming each setting that is wrong.</summary>
internal sealed class WebhookOptionsValidation : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (options.RetryLimit is < 0 or > 20)
        {
            failures.Add($"{WebhookOptions.Section}:RetryLimit must be between 0 and 20; got {options.RetryLimit}.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(options.RetryMinInterval), options.RetryMinInterval),
            (nameof(options.RetryMaxInterval), options.RetryMaxInterval),
            (nameof(options.Timeout), options.Timeout),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{WebhookOptions.Section}:{setting} must be positive.");
            }
        }

        if (options.RetryMaxInterval < options.RetryMinInterval)
        {
            failures.Add($"{WebhookOptions.Section}:RetryMaxInterval must not be shorter than RetryMinInterval.");
        }

        if (options.Timeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{WebhookOptions.Section}:Timeout must be a minute or less; got {options.Timeout}.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{WebhookOptions.Section}:MaxRetryAfter must be between zero and five minutes; got {options.MaxRetryAfter}.");
        }

        if (options.MaxResponseBytes is < 0 or > 1024 * 1024)
        {
            failures.Add($"{WebhookOptions.Section}:MaxResponseBytes must be between 0 and 1048576; got {options.MaxResponseBytes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
