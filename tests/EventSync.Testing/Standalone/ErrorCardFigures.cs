namespace EventSync.Testing.Standalone;

public sealed record ErrorCardFigures(string Category, string ErrorType, string Title, long CurrentErrors, long AffectedRecords);
