using System.Net.Mime;
using System.Runtime.Serialization;
using MassTransit;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>
/// Wraps a MassTransit deserializer so that a message larger than the limit fails as it is read: like any message
/// that cannot be read, it goes to the endpoint's error queue with the reason in its fault headers, unretried.
/// </summary>
public sealed class SizeLimitedSerializerFactory(ISerializerFactory inner, int maxBytes) : ISerializerFactory
{
    public ContentType ContentType => inner.ContentType;

    public IMessageSerializer CreateSerializer() => inner.CreateSerializer();

    public IMessageDeserializer CreateDeserializer() => new SizeLimitedDeserializer(inner.CreateDeserializer(), maxBytes);

    private sealed class SizeLimitedDeserializer(IMessageDeserializer inner, int maxBytes) : IMessageDeserializer
    {
        public ContentType ContentType => inner.ContentType;

        public void Probe(ProbeContext context) => inner.Probe(context);

        public ConsumeContext Deserialize(ReceiveContext receiveContext)
        {
            ArgumentNullException.ThrowIfNull(receiveContext);
            var size = receiveContext.Body.Length ?? receiveContext.Body.GetBytes().Length;
            return size > maxBytes
                ? throw new SerializationException($"The message is {size} bytes; at most {maxBytes} are accepted.")
                : inner.Deserialize(receiveContext);
        }

        public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null) =>
            inner.Deserialize(body, headers, destinationAddress);

        public MessageBody GetMessageBody(string text) => inner.GetMessageBody(text);
    }
}
