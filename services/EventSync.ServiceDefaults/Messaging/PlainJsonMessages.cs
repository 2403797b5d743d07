using MassTransit;
using MassTransit.Configuration;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>
/// The serializer of messages sent to engines without MassTransit: the record as plain JSON (camelCase, no envelope),
/// content type <c>application/json</c>. Set per send (<c>context.Serializer</c>), so the bus needs no topology for it.
/// </summary>
public static class PlainJsonMessages
{
    public static IMessageSerializer Serializer { get; } = new SystemTextJsonRawMessageSerializerFactory(RawSerializerOptions.AnyMessageType).CreateSerializer();
}
