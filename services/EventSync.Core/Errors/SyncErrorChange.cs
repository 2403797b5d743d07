using EventSync.Contracts;

namespace EventSync.Core.Errors;

/// <summary>What recording one occurrence did to an error; <see cref="PreviousVersion"/> is 0 for a new error.</summary>
public sealed record SyncErrorChange(SyncError Error, ErrorOccurrence Occurrence, long PreviousVersion);
