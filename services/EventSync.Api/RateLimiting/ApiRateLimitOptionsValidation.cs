using Microsoft.Extensions.Options;

namespace EventSync.Api.RateLimiting;

/// <summary>Checks <see cref="ApiRateLimitOptions"/> at start-up: an API with limits that refuse everything does not start.</summary>
internal sealed class ApiRateLimitOptionsValidation(IOptions<ApiOptions> api) : IValidateOptions<ApiRateLimitOptions>
{
    private const string Section = ApiRateLimitOptions.Section;

    public ValidateOptionsResult Validate(string? name, ApiRateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.ResyncRequestsPerWindow < 1 || options.ExportsPerWindow < 1 || options.Window <= TimeSpan.Zero)
        {
            failures.Add($"{Section}: ResyncRequestsPerWindow and ExportsPerWindow must be 1 or more, and Window positive.");
        }

        if (options.WebhookTestsPerWindow < 1)
        {
            failures.Add($"{Section}:WebhookTestsPerWindow must be 1 or more.");
        }

        if (options.ConcurrentReadsPerTenant < 1 || options.QueuedReadsPerTenant < 0)
        {
            failures.Add($"{Section}: ConcurrentReadsPerTenant must be 1 or more, and QueuedReadsPerTenant 0 or more.");
        }

        if (options.IngestedEventsPerSecond < 1)
        {
            failures.Add($"{Section}:IngestedEventsPerSecond must be 1 or more.");
        }

        var maxEvents = api.Value.MaxEventsPerRequest;
        if (options.IngestedEventsBurst < maxEvents)
        {
            failures.Add($"{Section}:IngestedEventsBurst is {options.IngestedEventsBurst}: it must hold one full request ({ApiOptions.Section}:MaxEventsPerRequest, {maxEvents}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
