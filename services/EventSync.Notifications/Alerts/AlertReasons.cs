namespace EventSync.Notifications.Alerts;

/// <summary>Why an error is in an immediate alert, as stored with it.</summary>
internal static class AlertReasons
{
    public const string New = "new";
    public const string Reopened = "reopened";
    public const string Surfaced = "surfaced";
}
