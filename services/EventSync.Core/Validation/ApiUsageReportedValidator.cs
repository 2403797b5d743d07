using EventSync.Contracts;

namespace EventSync.Core.Validation;

public static class ApiUsageReportedValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(ApiUsageReported message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = new List<ValidationProblem>();
        Required.NotBlank(message.TenantId, "tenantId", problems);

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
