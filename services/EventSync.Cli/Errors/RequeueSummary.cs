namespace EventSync.Cli.Errors;

/// <summary>How a requeue went: messages moved (or, on a dry run, that would be), and what the error queue held at the start.</summary>
internal sealed record RequeueSummary(int Moved, uint HeldAtStart);
