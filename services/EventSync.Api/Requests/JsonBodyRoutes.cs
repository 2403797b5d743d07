using EventSync.Api.Localization;

namespace EventSync.Api.Requests;

/// <summary>
/// A route whose body is JSON: routing answers another content type with 415 (<c>Accepts</c>), and the filter answers a
/// body sent without any content type the same way, so no route reads as JSON what the client did not say is JSON.
/// </summary>
internal static class JsonBodyRoutes
{
    public static RouteHandlerBuilder AcceptsJson<TRequest>(this RouteHandlerBuilder route)
        where TRequest : notnull
    {
        ArgumentNullException.ThrowIfNull(route);
        return route
            .Accepts<TRequest>("application/json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Request.ContentType is null
                    ? TypedResults.Problem(
                        statusCode: StatusCodes.Status415UnsupportedMediaType, title: ProblemTexts.UnsupportedMediaTypeTitle, detail: ProblemTexts.JsonContentTypeRequired)
                    : await next(context));
    }
}
