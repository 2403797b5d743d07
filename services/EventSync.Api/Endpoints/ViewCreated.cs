namespace EventSync.Api.Endpoints;

/// <summary>A saved view: <see cref="Url"/> reads it through the API (with a key), <see cref="Page"/> opens it in a browser.</summary>
internal sealed record ViewCreated(string Id, DateTimeOffset ExpiresAt, string Url, string Page);
