using EventSync.Api.Monitoring;
using EventSync.Api.Requests;
using EventSync.Api.Security;
using EventSync.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>POST /api/failures</c>: one <see cref="SyncFailureReported"/> or an array of them, for engines without AMQP. All or
/// nothing: one invalid event refuses the request (problem+json naming each field) and nothing is published. A key that
/// opens no tenant is refused before the body is read; whether it opens each event's tenant is checked once they are read.
/// </summary>
internal static class FailureIngestionEndpoints
{
    public static IEndpointRouteBuilder MapFailureIngestion(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/failures", IngestAsync)
            .WithName("IngestFailures")
            .WithSummary("Report sync failures (one event or an array)")
            .Accepts<SyncFailureReported>("application/json")
            .Produces<IngestionAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithBodyLimit(routes, o => o.MaxIngestionBytes);
        return routes;
    }

    private static async Task<IResult> IngestAsync(HttpRequest request, ApiKeyAuthorizer authorizer, IPublishEndpoint publisher, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var key = request.Headers[ApiKeyAuthorizer.HeaderName].ToString();
        if (!authorizer.Knows(key))
        {
            return TenantKeyFilter.Unauthorized();
        }

        var (failures, problems) = await FailureRequestReader.ReadAsync(request.Body, options.Value.MaxEventsPerRequest, cancellationToken);
        if (problems.Any)
        {
            return problems.ToResult("The failure events are not valid; none was accepted.");
        }

        if (failures.Select(f => f.TenantId).Distinct(StringComparer.Ordinal).Any(tenant => authorizer.Check(key, tenant) != ApiKeyCheck.Allowed))
        {
            return TenantKeyFilter.Unauthorized();
        }

        await publisher.PublishBatch(failures, cancellationToken);
        ApiMetrics.FailuresAccepted(failures.Count);
        return TypedResults.Accepted((string?)null, new IngestionAccepted(failures.Count));
    }
}
