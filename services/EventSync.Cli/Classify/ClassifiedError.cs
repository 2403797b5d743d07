namespace EventSync.Cli.Classify;

internal sealed record ClassifiedError(string Category, string ErrorType, bool Retryable, string RuleId, string Fingerprint);
