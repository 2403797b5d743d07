namespace EventSync.Core.Resync;

/// <summary>Salesforce API calls EventSync spent on resyncs within one minute (<see cref="Minute"/> is the minute's start, UTC).</summary>
public sealed record BudgetSpend(DateTimeOffset Minute, long Calls);
