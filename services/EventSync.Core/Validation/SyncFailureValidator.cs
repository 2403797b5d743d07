using EventSync.Contracts;
using EventSync.Core.Classification;

namespace EventSync.Core.Validation;

/// <summary>
/// Checks what JSON binding cannot: blank ids, a tenant id outside its pattern, values longer than
/// <see cref="WireLimits"/> allows, an empty error list, errors that carry nothing to classify, source or direction
/// values outside the contract and, with a clock, an <c>occurredAt</c> outside the <see cref="ReceiptWindow"/>.
/// </summary>
public static class SyncFailureValidator
{
    /// <summary>Everything but the time window: for files classified offline, whose events may be of any age.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(SyncFailureReported failure) => Validate(failure, clock: null);

    /// <summary>Everything, the time window seen from <paramref name="clock"/>: for events as they arrive.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(SyncFailureReported failure, TimeProvider? clock)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var problems = new List<ValidationProblem>();
        Bounded.RequiredId(failure.EventId, "eventId", WireLimits.MaxIdLength, problems);
        TenantIds.Check(failure.TenantId, "tenantId", problems);
        Bounded.Id(failure.EngineId, "engineId", WireLimits.MaxIdLength, problems);
        Bounded.Id(failure.ObjectType, "objectType", WireLimits.MaxNameLength, problems);
        Bounded.Id(failure.HubSpotId, "hubSpotId", WireLimits.MaxIdLength, problems);
        Bounded.Id(failure.SalesforceId, "salesforceId", WireLimits.MaxIdLength, problems);

        // Read leniently ("Salesforce REST" is salesforce) but kept as sent on the error: a value that reads must still be
        // bounded and on one line like the ids; one that does not gets one problem, quoting it shortened and escaped.
        if (!WireValues.TryParseSource(failure.Source, out _))
        {
            problems.Add(new("source", $"{ProblemText.Quote(failure.Source)} is not one of salesforce, hubspot."));
        }
        else
        {
            Bounded.Id(failure.Source, "source", WireLimits.MaxNameLength, problems);
        }

        if (!WireValues.TryParseDirection(failure.Direction, out _))
        {
            problems.Add(new("direction", $"{ProblemText.Quote(failure.Direction)} is not one of toSalesforce, toHubSpot."));
        }
        else
        {
            Bounded.Id(failure.Direction, "direction", WireLimits.MaxNameLength, problems);
        }

        if (clock is not null)
        {
            ReceiptWindow.Check(failure.OccurredAt, "occurredAt", clock, problems);
        }

        ValidateErrors(failure.Errors, problems);
        return problems;
    }

    private static void ValidateErrors(IReadOnlyList<ReportedError>? errors, List<ValidationProblem> problems)
    {
        if (errors is not { Count: > 0 })
        {
            problems.Add(new("errors", "must hold at least one error."));
            return;
        }

        if (errors.Count > WireLimits.MaxErrorsPerEvent)
        {
            problems.Add(new("errors", $"holds {errors.Count} errors; at most {WireLimits.MaxErrorsPerEvent} are accepted per event."));
            return;
        }

        for (var i = 0; i < errors.Count; i++)
        {
            ReportedErrorValidator.Validate(errors[i], $"errors[{i}]", problems);
        }
    }
}
