using System.Globalization;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>GET /api/tenants/{tenantId}/error-trend?days=30</c>: errors first seen per UTC day and category over the last days
/// (today included), transient ones left out. The errors are streamed; only a count per day and category is kept.
/// </summary>
internal static class ErrorTrendEndpoints
{
    public const int DefaultDays = 30;
    public const int MaxDays = 90;

    public static RouteGroupBuilder MapErrorTrend(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/error-trend", GetAsync)
            .WithName("GetErrorTrend")
            .WithSummary($"Errors first seen per UTC day and category over the last 1 to {MaxDays} days (?days=, default {DefaultDays})")
            .Produces<ErrorTrendResponse>()
            .ProducesValidationProblem()
            .TakesTenantReadSlot();
        return tenant;
    }

    private static async Task<IResult> GetAsync(string tenantId, string? days, ISyncErrorQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var dayCount = DayCount(days, problems);
        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.QueryInvalidTitle);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var firstDay = today.AddDays(1 - dayCount);
        var start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var counts = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        await foreach (var error in queries.StreamAsync(new ErrorQuery(tenantId) { SeenFrom = start }, cancellationToken))
        {
            var day = DateOnly.FromDateTime(error.FirstSeen.UtcDateTime).DayNumber - firstDay.DayNumber;
            if (error.FirstSeen < start || day >= dayCount || error.Category == ErrorCatalog.TransientCategory)
            {
                continue;
            }

            if (!counts.TryGetValue(error.Category, out var perDay))
            {
                counts[error.Category] = perDay = new long[dayCount];
            }

            perDay[day]++;
        }

        return TypedResults.Ok(new ErrorTrendResponse(
            Enumerable.Range(0, dayCount).Select(d => firstDay.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(),
            counts.Select(c => new ErrorTrendSeries(c.Key, c.Value)).ToList()));
    }

    private static int DayCount(string? days, ValidationProblems problems)
    {
        if (string.IsNullOrWhiteSpace(days))
        {
            return DefaultDays;
        }

        if (int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxDays)
        {
            return count;
        }

        problems.Add("days", ProblemFormat.With(ProblemTexts.WholeNumberRange, MaxDays));
        return DefaultDays;
    }
}
