namespace EventSync.Contracts.Tests;

/// <summary>A wire message: its schema file, its C# record, and an instance with every property set.</summary>
internal sealed record WireMessage(string SchemaFile, Type RecordType, object FullyPopulated);
