using EventSync.Api.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace EventSync.Api.Requests;

/// <summary>
/// A body the server refused while it was read (too large, broken chunks) ends as a problem with the server's status
/// (413, 400), not as a 500, and is not logged as a fault of the service.
/// </summary>
internal static class BadRequestBodies
{
    public static string TooLargeTitle => ProblemTexts.PayloadTooLargeTitle;

    public static string TooLargeDetail(long bytes) => ProblemFormat.With(ProblemTexts.PayloadTooLargeDetail, bytes);

    public static int StatusCodeOf(Exception exception) =>
        exception is BadHttpRequestException refused ? refused.StatusCode : StatusCodes.Status500InternalServerError;

    public static bool IsClientFault(ExceptionHandlerSuppressDiagnosticsContext context) => context.Exception is BadHttpRequestException;

    public static void Describe(ProblemDetailsContext context)
    {
        if (context.Exception is not BadHttpRequestException refused)
        {
            return;
        }

        if (refused.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            context.ProblemDetails.Title = TooLargeTitle;
            context.ProblemDetails.Detail = limit is { } bytes ? TooLargeDetail(bytes) : ProblemTexts.BodyTooLarge;
        }
        else
        {
            context.ProblemDetails.Title = ProblemTexts.BadRequestTitle;
            context.ProblemDetails.Detail = refused.Message;
        }
    }
}
