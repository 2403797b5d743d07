namespace EventSync.Api.Tests.Infrastructure;

/// <summary>One problem a linter reports: its rule, <c>error</c> or <c>warn</c>, what it says and where (a JSON pointer into the document).</summary>
public sealed record LintProblem(string RuleId, string Severity, string Message, string Location)
{
    public override string ToString() => $"{Severity} {RuleId} at {Location}: {Message}";
}
