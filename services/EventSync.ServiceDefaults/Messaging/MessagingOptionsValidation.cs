using EventSync.Core.Validation;
using Microsoft.Extensions.Options;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>Checks <see cref="MessagingOptions"/> at start-up: a service with a setting it cannot use does not start, and says which.</summary>
internal sealed class MessagingOptionsValidation : IValidateOptions<MessagingOptions>
{
    private const string Section = MessagingOptions.Section;

    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        if (!string.Equals(options.QueueType, MessagingOptions.ClassicQueueType, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.QueueType, MessagingOptions.QuorumQueueType, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:QueueType is '{options.QueueType}': it must be '{MessagingOptions.ClassicQueueType}' or '{MessagingOptions.QuorumQueueType}'.");
        }

        for (var i = 0; i < options.ClusterNodes.Count; i++)
        {
            if (!HostAndPort.TryParse(options.ClusterNodes[i], out _))
            {
                failures.Add($"{Section}:ClusterNodes:{i} is '{options.ClusterNodes[i]}': it must be host:port, the port from 1 to 65535.");
            }
        }

        if (options.MaxMessageBytes < 1 || options.PrefetchCount < 1 || options.RetryLimit < 0)
        {
            failures.Add($"{Section}: MaxMessageBytes and PrefetchCount must be 1 or more, RetryLimit 0 or more.");
        }

        if (options.PublishTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:PublishTimeout is {options.PublishTimeout}: it must be positive.");
        }

        if (options.StartWait <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:StartWait is {options.StartWait}: it must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
