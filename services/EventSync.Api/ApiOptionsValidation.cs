using Microsoft.Extensions.Options;

namespace EventSync.Api;

/// <summary>Checks the body limits of <see cref="ApiOptions"/> at start-up: each route's cap must fit under the server's.</summary>
internal sealed class ApiOptionsValidation : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes < 1)
        {
            failures.Add($"{ApiOptions.Section}:MaxRequestBodyBytes must be 1 or more.");
        }

        foreach (var (setting, bytes) in new[] { ("MaxIngestionBytes", options.MaxIngestionBytes), ("MaxSmallBodyBytes", options.MaxSmallBodyBytes) })
        {
            if (bytes < 1 || bytes > options.MaxRequestBodyBytes)
            {
                failures.Add($"{ApiOptions.Section}:{setting} must be between 1 and MaxRequestBodyBytes ({options.MaxRequestBodyBytes}).");
            }
        }

        foreach (var (setting, value) in new[] { ("MaxEventsPerRequest", options.MaxEventsPerRequest), ("MaxResyncAllErrors", options.MaxResyncAllErrors), ("MaxErrorsPerChange", options.MaxErrorsPerChange) })
        {
            if (value < 1)
            {
                failures.Add($"{ApiOptions.Section}:{setting} must be 1 or more.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
