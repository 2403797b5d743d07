namespace EventSync.Contracts.Tests;

/// <summary>An exchange (with its type) or a queue (type null) as a topology document declares it.</summary>
internal sealed record AmqpObject(string Name, string? Type, bool Durable, bool AutoDelete);
