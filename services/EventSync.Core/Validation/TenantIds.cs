using System.Text.RegularExpressions;
using EventSync.Contracts;

namespace EventSync.Core.Validation;

/// <summary>
/// What a tenant id may look like (<see cref="WireLimits.TenantIdPattern"/>): checked on every message that names a
/// tenant and on the API's tenant routes, so that <c>"acme "</c> or a 5,000-character id never becomes a tenant.
/// </summary>
public static partial class TenantIds
{
    public static bool IsValid(string? tenantId) => tenantId is not null && Pattern().IsMatch(tenantId);

    /// <summary>Why <paramref name="tenantId"/> is not a tenant id; null when it is one.</summary>
    public static string? Problem(string? tenantId) =>
        string.IsNullOrWhiteSpace(tenantId) ? "is required and must not be blank."
        : IsValid(tenantId) ? null
        : $"{ProblemText.Quote(tenantId)} is not a tenant id: 1 to {WireLimits.MaxTenantIdLength} characters, letters, digits, '.', '_', ':' or '-', starting with a letter or digit.";

    internal static void Check(string? tenantId, string field, List<ValidationProblem> problems)
    {
        if (Problem(tenantId) is { } problem)
        {
            problems.Add(new(field, problem));
        }
    }

    [GeneratedRegex(WireLimits.TenantIdPattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
