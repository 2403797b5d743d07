using EventSync.Contracts;

namespace EventSync.Core.Validation;

public static class ApiUsageReportedValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(ApiUsageReported message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(message.TenantId))
        {
            problems.Add(new("tenantId", "is required and must not be blank."));
        }

        if (message.CallsLast24h < 0)
        {
            problems.Add(new("callsLast24h", "must not be negative."));
        }

        if (message.SalesforceDailyLimit <= 0)
        {
            problems.Add(new("salesforceDailyLimit", "must be greater than zero."));
        }

        return problems;
    }
}
