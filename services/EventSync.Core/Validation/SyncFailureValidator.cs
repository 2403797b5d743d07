using EventSync.Contracts;
using EventSync.Core.Classification;

namespace EventSync.Core.Validation;

/// <summary>
/// Checks what JSON binding cannot: blank ids, an empty error list, errors that carry nothing to classify,
/// and source or direction values outside the contract.
/// </summary>
public static class SyncFailureValidator
{
    public const int MaxErrorsPerEvent = 100;
    public const int MaxIdLength = 200;

    public static IReadOnlyList<ValidationProblem> Validate(SyncFailureReported failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var problems = new List<ValidationProblem>();
        RequireId(failure.EventId, "eventId", problems);
        RequireId(failure.TenantId, "tenantId", problems);

        if (!WireValues.TryParseSource(failure.Source, out _))
        {
            problems.Add(new("source", $"'{failure.Source}' is not one of salesforce, hubspot."));
        }

        if (!WireValues.TryParseDirection(failure.Direction, out _))
        {
            problems.Add(new("direction", $"'{failure.Direction}' is not one of toSalesforce, toHubSpot."));
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

        if (errors.Count > MaxErrorsPerEvent)
        {
            problems.Add(new("errors", $"holds {errors.Count} errors; at most {MaxErrorsPerEvent} are accepted per event."));
            return;
        }

        for (var i = 0; i < errors.Count; i++)
        {
            var error = errors[i];
            if (error is null)
            {
                problems.Add(new($"errors[{i}]", "is null."));
            }
            else if (IsBlank(error.StatusCode) && IsBlank(error.ErrorCode) && IsBlank(error.Message) && IsBlank(error.Raw) && IsBlank(error.Category))
            {
                problems.Add(new($"errors[{i}]", "needs at least one of statusCode, errorCode, message, raw or category."));
            }
        }
    }

    private static void RequireId(string? value, string field, List<ValidationProblem> problems)
    {
        if (Required.NotBlank(value, field, problems) && value!.Length > MaxIdLength)
        {
            problems.Add(new(field, $"is longer than {MaxIdLength} characters."));
        }
    }

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);
}
