namespace EventSync.Api.Endpoints;

/// <summary>Errors first seen per UTC day (<see cref="Days"/>, oldest first) and category; each series has one count per day.</summary>
internal sealed record ErrorTrendResponse(IReadOnlyList<string> Days, IReadOnlyList<ErrorTrendSeries> Series);
