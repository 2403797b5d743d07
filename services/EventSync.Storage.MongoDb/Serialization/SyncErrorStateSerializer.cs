using EventSync.Core.Errors;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace EventSync.Storage.MongoDb.Serialization;

/// <summary>Stores a state as its wire name (<c>open</c>, <c>resync-pending</c>, <c>resolved</c>), the same string the API shows.</summary>
internal sealed class SyncErrorStateSerializer : StructSerializerBase<SyncErrorState>
{
    private static readonly Dictionary<string, SyncErrorState> ByWireName =
        Enum.GetValues<SyncErrorState>().ToDictionary(s => s.ToWire(), StringComparer.Ordinal);

    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, SyncErrorState value) =>
        context.Writer.WriteString(value.ToWire());

    public override SyncErrorState Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args)
    {
        var name = context.Reader.ReadString();
        return ByWireName.TryGetValue(name, out var state)
            ? state
            : throw new FormatException($"'{name}' is not a sync error state.");
    }
}
