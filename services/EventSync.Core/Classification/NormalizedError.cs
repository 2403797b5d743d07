namespace EventSync.Core.Classification;

/// <summary>
/// A reported error in one shape, whatever shape it came in: what the rules look at. <see cref="FallbackCode"/>
/// is HubSpot's broad category when <see cref="Code"/> holds a more specific one that no rule may know;
/// <see cref="InnerCodes"/> the codes quoted in the message, innermost first; <see cref="HttpCode"/> the HTTP status a client
/// wrote in the message (<c>HTTP_429</c>), tried when nothing else decides.
/// </summary>
internal readonly record struct NormalizedError(
    FailureContext Context,
    string Code,
    string FallbackCode,
    string Message,
    string MatchText,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> InnerCodes,
    string HttpCode)
{
    /// <summary>The match text in lower case, for the rules' literal gates (an ordinal search is much faster than one that ignores case).</summary>
    public string LowerMatchText { get; } = MatchText.ToLowerInvariant();
}
