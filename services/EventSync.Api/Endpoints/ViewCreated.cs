namespace EventSync.Api.Endpoints;

internal sealed record ViewCreated(string Id, DateTimeOffset ExpiresAt, string Url);
