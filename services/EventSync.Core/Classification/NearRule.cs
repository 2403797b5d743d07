namespace EventSync.Core.Classification;

/// <summary>A rule that almost decided: it missed one condition, or matched after the rule that decided.</summary>
public sealed record NearRule(string RuleId, string ErrorType, string Missed);
