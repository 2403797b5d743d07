namespace EventSync.Core.Classification;

public enum SyncDirection
{
    Unspecified,
    ToSalesforce,
    ToHubSpot,
}
