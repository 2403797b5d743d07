namespace EventSync.Core.Classification;

/// <summary>What is known about a failure besides the error itself.</summary>
public readonly record struct FailureContext(FailureSource Source, SyncDirection Direction, string? ObjectType);
