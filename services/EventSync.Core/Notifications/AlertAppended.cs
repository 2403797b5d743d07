namespace EventSync.Core.Notifications;

/// <summary>Where an alert went: the tenant's open window; <see cref="Opened"/> when this alert opened it.</summary>
public sealed record AlertAppended(string WindowId, DateTimeOffset ClosesAt, bool Opened);
