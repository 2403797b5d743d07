using EventSync.Api.Ingestion;
using EventSync.Api.Localization;
using EventSync.Api.RateLimiting;
using EventSync.Api.Requests;
using EventSync.Api.Security;
using EventSync.Contracts;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>POST /api/failures</c>: one <see cref="SyncFailureReported"/> or an array of them, for engines without AMQP. All or
/// nothing: one invalid event refuses the request (problem+json naming each field) and nothing is accepted. A key that
/// opens no tenant is refused before the body is read; whether it opens each event's tenant is checked once they are read.
/// 202 means the events are durable (see <see cref="IFailureIntake"/>); when they cannot be made so, 503 and nothing is
/// promised.
/// </summary>
internal static class FailureIngestionEndpoints
{
    public static IEndpointRouteBuilder MapFailureIngestion(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/failures", IngestAsync)
            .WithName("IngestFailures")
            .WithSummary("Report sync failures (one event or an array)")
            .AcceptsJson<SyncFailureReported>()
            .Produces<IngestionAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithBodyLimit(routes, o => o.MaxIngestionBytes);
        return routes;
    }

    private static async Task<IResult> IngestAsync(HttpRequest request, [AsParameters] IngestionServices services, CancellationToken cancellationToken)
    {
        if (services.Authorizer.Authenticate(request.Headers[ApiKeyAuthorizer.HeaderName]) is not { } principal)
        {
            return TenantKeyFilter.Unauthorized();
        }

        // Reporting failures changes what operators see: readers may not.
        if (!principal.May(ApiRole.Operator))
        {
            return ApiPrincipalExtensions.Forbidden(principal, ApiRole.Operator);
        }

        var (failures, problems, sentAsArray) = await FailureRequestReader.ReadAsync(request.Body, services.Options.Value.MaxEventsPerRequest, services.Clock, cancellationToken);
        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.FailuresInvalidTitle);
        }

        if (failures.Select(f => f.TenantId).Distinct(StringComparer.Ordinal).Any(tenant => !principal.Opens(tenant)))
        {
            return TenantKeyFilter.Unauthorized();
        }

        var oversized = MessageSizeCheck.Oversized(failures, sentAsArray, services.Messaging.Value.MaxMessageBytes);
        if (oversized.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: ProblemTexts.EventTooLargeTitle,
                extensions: new Dictionary<string, object?> { ["errors"] = oversized });
        }

        var perTenant = failures.GroupBy(f => f.TenantId, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));
        if (services.RateLimiter.TryTake(perTenant) is { } wait)
        {
            RetryAfter.Set(request.HttpContext.Response, wait);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: ProblemTexts.TooManyEventsTitle,
                detail: ProblemTexts.TooManyEventsDetail);
        }

        try
        {
            await services.Intake.AcceptAsync(failures, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            services.Logger.IntakeFailed(e, failures.Count);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: ProblemTexts.EventsNotStoredTitle,
                detail: ProblemTexts.EventsNotStoredDetail);
        }

        services.Metrics.FailuresAccepted(failures.Count);
        return TypedResults.Accepted((string?)null, new IngestionAccepted(failures.Count));
    }
}
