namespace EventSync.Api.Endpoints;

/// <summary>A test digest on its way: which frequency's layout, the period it covers, who gets it.</summary>
internal sealed record NotificationTestAccepted(string Frequency, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, IReadOnlyList<string> Recipients);
