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
}
