using EventSync.Api.Monitoring;
using EventSync.Api.Security;
using EventSync.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>POST /api/failures</c>: one <see cref="SyncFailureReported"/> or an array of them, for engines without AMQP. All or
/// nothing: one invalid event refuses the request (problem+json naming each field) and nothing is published.
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
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    private static async Task<IResult> IngestAsync(HttpRequest request, ApiKeyAuthorizer authorizer, IPublishEndpoint publisher, IOptions<ApiOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.Value.MaxIngestionBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", detail: $"At most {options.Value.MaxIngestionBytes} bytes per request.");
        }

        var (failures, problems) = await FailureRequestReader.ReadAsync(request.Body, options.Value.MaxEventsPerRequest, clock, cancellationToken);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, title: "The failure events are not valid; none was accepted.");
        }

        var key = request.Headers[ApiKeyAuthorizer.HeaderName].ToString();
        if (failures.Select(f => f.TenantId).Distinct(StringComparer.Ordinal).Any(tenant => authorizer.Check(key, tenant) != ApiKeyCheck.Allowed))
        {
            return TenantKeyFilter.Unauthorized();
        }

        await publisher.PublishBatch(failures, cancellationToken);
        ApiMetrics.FailuresAccepted(failures.Count);
        return TypedResults.Accepted((string?)null, new IngestionAccepted(failures.Count));
    }
}
