namespace EventSync.Standalone.Tests.Infrastructure;

public sealed record ErrorCardFigures(string Category, string ErrorType, string Title, long CurrentErrors, long AffectedRecords);
