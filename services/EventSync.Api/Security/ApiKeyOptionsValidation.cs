using EventSync.Core.Resync;
using EventSync.Core.Validation;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Security;

/// <summary>Checks the named keys at start-up: a valid name, a key or a hash of one, a known role, tenants; no key twice.</summary>
internal sealed class ApiKeyOptionsValidation : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        var digests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyName, key) in options.Keys)
        {
            var setting = $"{ApiKeyOptions.Section}:Keys:{keyName}";
            if (keyName.Length is 0 or > 64 || !keyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
            {
                failures.Add($"{setting}: a key's name is 1 to 64 letters, digits, '.', '_', '-' or '@' (it is recorded as who did something).");
            }
            else if (keyName is "admin" or ResyncWire.AutomaticRequester)
            {
                failures.Add($"{setting}: '{keyName}' is reserved (the admin key's name, or EventSync's own automatic resyncs).");
            }

            var hasKey = !string.IsNullOrEmpty(key.Key);
            var hasHash = !string.IsNullOrEmpty(key.KeyHash);
            if (hasKey == hasHash)
            {
                failures.Add($"{setting}: give either Key or KeyHash (the hex SHA-256 of the key), not {(hasKey ? "both" : "neither")}.");
            }
            else if (hasHash && (key.KeyHash!.Length != 64 || !key.KeyHash.All(char.IsAsciiHexDigit)))
            {
                failures.Add($"{setting}:KeyHash must be 64 hex digits (the SHA-256 of the key).");
            }
            else if (!digests.Add(hasKey ? ApiKeyAuthorizer.HashOf(key.Key!) : key.KeyHash!.ToLowerInvariant()))
            {
                failures.Add($"{setting}: the same key is configured under another name.");
            }

            if (ApiRoles.Parse(key.Role) is null)
            {
                failures.Add($"{setting}:Role must be reader, operator or admin.");
            }

            var tenants = key.Tenants.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (tenants.Length == 0)
            {
                failures.Add($"{setting}:Tenants must name the key's tenants (ids separated by commas) or be '*' for every tenant.");
            }
            else if (!(tenants is ["*"]) && tenants.FirstOrDefault(t => TenantIds.Problem(t) is not null) is { } wrong)
            {
                failures.Add($"{setting}:Tenants: '{wrong}' cannot be a tenant id.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
