using EventSync.Api.Localization;
using EventSync.Core.Audit;

namespace EventSync.Api.Queries;

/// <summary>The filters of the audit trail: one action (its wire name) and one principal (a key's name), both optional.</summary>
internal sealed class AuditFilterParameters
{
    public const int MaxPrincipalLength = 200;

    public string? Action { get; init; }

    public string? Principal { get; init; }

    public AuditQuery Read(string tenantId, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var action = string.IsNullOrWhiteSpace(Action) ? null : Action.Trim();
        if (action is not null && !AuditActions.All.Contains(action, StringComparer.Ordinal))
        {
            problems.Add("action", ProblemFormat.With(ProblemTexts.AuditActionUnknown, string.Join(", ", AuditActions.All)));
        }

        var principal = string.IsNullOrWhiteSpace(Principal) ? null : Principal.Trim();
        if (principal is { Length: > MaxPrincipalLength })
        {
            problems.Add("principal", ProblemFormat.With(ProblemTexts.PrincipalTooLong, MaxPrincipalLength));
        }

        return new AuditQuery(tenantId, action, principal);
    }
}
