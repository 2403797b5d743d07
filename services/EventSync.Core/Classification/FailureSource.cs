namespace EventSync.Core.Classification;

/// <summary>The system that rejected the record.</summary>
public enum FailureSource
{
    Unspecified,
    Salesforce,
    HubSpot,
}
