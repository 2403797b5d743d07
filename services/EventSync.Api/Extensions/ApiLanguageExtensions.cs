using EventSync.Api.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace EventSync.Api.Extensions;

/// <summary>
/// Problem texts in the request's language: <c>Accept-Language</c> picks one of <see cref="ApiLanguages.Supported"/>
/// (English otherwise) as the UI culture, read by <see cref="ProblemTexts"/>; numbers and dates keep one format. Every
/// answer says its language (<c>Content-Language</c>) and that it depends on <c>Accept-Language</c> (<c>Vary</c>).
/// </summary>
internal static class ApiLanguageExtensions
{
    public static IServiceCollection AddApiLanguages(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = ApiLanguages.Cultures();
            o.DefaultRequestCulture = new RequestCulture(ApiLanguages.Default);
            o.SupportedCultures = [cultures[0]];
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new AcceptLanguageProvider()];
            o.ApplyCurrentCultureToResponseHeaders = true;
        });

    public static IApplicationBuilder UseApiLanguages(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
            return next(context);
        }).UseRequestLocalization();
}
