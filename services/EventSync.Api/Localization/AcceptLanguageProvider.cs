using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;

namespace EventSync.Api.Localization;

/// <summary>
/// The languages <c>Accept-Language</c> asks for, best first, by their language part: <c>pl-PL</c> is Polish. (The
/// framework's provider falls back to a parent culture, which cultures made by name without culture data do not have.)
/// </summary>
internal sealed class AcceptLanguageProvider : RequestCultureProvider
{
    // As the framework's provider does: a long header costs no more than its first few languages.
    private const int MaxLanguagesRead = 5;

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var asked = httpContext.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0 && l.Value.HasValue)
            .OrderByDescending(l => l.Quality ?? 1)
            .Take(MaxLanguagesRead)
            .Select(l => new StringSegment(l.Value.Value!.Split('-')[0]))
            .ToList();
        return Task.FromResult(asked.Count == 0 ? null : new ProviderCultureResult(asked));
    }
}
