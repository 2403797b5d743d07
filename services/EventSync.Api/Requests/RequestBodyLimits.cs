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
    /// A route that takes no body: its cap is 0 and the first byte of one is read, so the server refuses it like any body
    /// past its route's cap (413), before the route does anything, instead of taking a body nobody reads.
    /// </summary>
    public static RouteHandlerBuilder TakesNoBody(this RouteHandlerBuilder endpoint) =>
        endpoint
            .WithMetadata(new RequestSizeLimitAttribute(0))
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                if (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
                {
                    _ = await http.Request.Body.ReadAsync(new byte[1], http.RequestAborted);
                }

                return await next(context);
            })
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
