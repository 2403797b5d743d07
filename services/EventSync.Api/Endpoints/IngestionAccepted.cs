namespace EventSync.Api.Endpoints;

internal sealed record IngestionAccepted(int Accepted);
