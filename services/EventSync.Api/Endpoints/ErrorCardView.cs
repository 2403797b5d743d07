namespace EventSync.Api.Endpoints;

internal sealed record ErrorCardView(string Category, string ErrorType, string Title, long CurrentErrors, long AffectedRecords);
