using EventSync.Contracts;

namespace EventSync.Core.Validation;

public static class ApiUsageReportedValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(ApiUsageReported message) => Validate(message, clock: null);

    /// <summary>With a clock, <c>reportedAt</c> must also lie in the <see cref="ReceiptWindow"/>.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(ApiUsageReported message, TimeProvider? clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = new List<ValidationProblem>();
        TenantIds.Check(message.TenantId, "tenantId", problems);

        if (message.CallsLast24h < 0)
        {
            problems.Add(new("callsLast24h", "must not be negative."));
        }

        if (message.SalesforceDailyLimit <= 0)
        {
            problems.Add(new("salesforceDailyLimit", "must be greater than zero."));
        }

        if (clock is not null)
        {
            ReceiptWindow.Check(message.ReportedAt, "reportedAt", clock, problems);
        }

        return problems;
    }
}
