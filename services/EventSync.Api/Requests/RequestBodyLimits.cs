using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Requests;

/// <summary>
/// A route's own cap on its body, as request-size metadata: routing hands it to the server, which counts the bytes
/// actually read (chunked bodies too) and refuses with 413 beyond it; see <see cref="BadRequestBodies"/> for the answer.
/// </summary>
internal static class RequestBodyLimits
{
    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder endpoint, IEndpointRouteBuilder routes, Func<ApiOptions, long> maxBytes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value;
        return endpoint
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes(options)))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>
    /// A route that takes no body answers one with the same 413 problem as a body past any route's cap, before the route
    /// does anything. The body is not read, and the server's own cap still bounds what it drains after the answer.
    /// </summary>
    public static RouteHandlerBuilder TakesNoBody(this RouteHandlerBuilder endpoint) =>
        endpoint
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
                    ? TypedResults.Problem(
                        statusCode: StatusCodes.Status413PayloadTooLarge, title: BadRequestBodies.TooLargeTitle, detail: BadRequestBodies.TooLargeDetail(0))
                    : await next(context))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
