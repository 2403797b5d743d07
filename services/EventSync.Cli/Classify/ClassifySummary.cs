namespace EventSync.Cli.Classify;

internal readonly record struct ClassifySummary(int Classified, int Rejected);
