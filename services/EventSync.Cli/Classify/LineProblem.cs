namespace EventSync.Cli.Classify;

/// <summary>An input line that could not be classified, with its number in the input and the reason.</summary>
internal readonly record struct LineProblem(int LineNumber, string Reason);
