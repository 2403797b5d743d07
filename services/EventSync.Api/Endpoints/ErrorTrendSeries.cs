namespace EventSync.Api.Endpoints;

internal sealed record ErrorTrendSeries(string Category, IReadOnlyList<long> Counts);
