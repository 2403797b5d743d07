using EventSync.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace EventSync.Resync;

/// <summary>Checks <see cref="ResyncOptions"/> at start-up: a worker with nonsense settings does not start.</summary>
internal sealed class ResyncOptionsValidation(IOptions<MessagingOptions> messaging) : IValidateOptions<ResyncOptions>
{
    public ValidateOptionsResult Validate(string? name, ResyncOptions options)
    {
        var failures = new List<string>();
        if (options.CallsPerResync < 1)
        {
            failures.Add($"{ResyncOptions.Section}:CallsPerResync must be 1 or more.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultEngineId))
        {
            failures.Add($"{ResyncOptions.Section}:DefaultEngineId must name an engine.");
        }

        if (options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay)
        {
            failures.Add($"{ResyncOptions.Section}:FirstRetryDelay must be positive and MaxRetryDelay at least as long.");
        }

        if (options.MaxAttempts < 0)
        {
            failures.Add($"{ResyncOptions.Section}:MaxAttempts must be 0 or more.");
        }

        if (options.SweepInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{ResyncOptions.Section}:SweepInterval must be at least one second.");
        }

        if (options.ResendUnconfirmedAfter <= messaging.Value.PublishTimeout)
        {
            failures.Add($"{ResyncOptions.Section}:ResendUnconfirmedAfter must be longer than {MessagingOptions.Section}:PublishTimeout ({messaging.Value.PublishTimeout}), so that a send still waiting for its confirm is not sent again.");
        }

        foreach (var (engineId, engine) in options.Engines)
        {
            if (!Uri.TryCreate(engine.Address, UriKind.Absolute, out _))
            {
                failures.Add($"{ResyncOptions.Section}:Engines:{engineId}:Address must be a MassTransit address such as queue:{engineId}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
