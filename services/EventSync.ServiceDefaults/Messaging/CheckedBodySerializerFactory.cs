using System.Net.Mime;
using System.Runtime.Serialization;
using MassTransit;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>
/// Wraps a MassTransit deserializer so that a body larger than the limit, or one that is not a JSON object at all
/// (<c>null</c>, an array, a string, a number), fails as it is read with a reason that says so: like any message that
/// cannot be read, it goes to the endpoint's error queue with the reason in its fault headers, unretried.
/// </summary>
public sealed class CheckedBodySerializerFactory(ISerializerFactory inner, int maxBytes) : ISerializerFactory
{
    public ContentType ContentType => inner.ContentType;

    public IMessageSerializer CreateSerializer() => inner.CreateSerializer();

    public IMessageDeserializer CreateDeserializer() => new CheckedBodyDeserializer(inner.CreateDeserializer(), maxBytes);

    private sealed class CheckedBodyDeserializer(IMessageDeserializer inner, int maxBytes) : IMessageDeserializer
    {
        public ContentType ContentType => inner.ContentType;

        public void Probe(ProbeContext context) => inner.Probe(context);

        public ConsumeContext Deserialize(ReceiveContext receiveContext)
        {
            ArgumentNullException.ThrowIfNull(receiveContext);
            var body = receiveContext.Body.GetBytes();
            if (body.Length > maxBytes)
            {
                throw new SerializationException($"The message is {body.Length} bytes; at most {maxBytes} are accepted.");
            }

            // Without this, a body of JSON null reads as no message and fails later with no useful reason.
            return FirstToken(body) is var first and not (byte)'{'
                ? throw new SerializationException($"The message body must be a JSON object; it starts with {Describe(first)}.")
                : inner.Deserialize(receiveContext);
        }

        public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null) =>
            inner.Deserialize(body, headers, destinationAddress);

        public MessageBody GetMessageBody(string text) => inner.GetMessageBody(text);

        // The first byte after white space and a UTF-8 byte order mark; 0 for an empty body.
        private static byte FirstToken(ReadOnlySpan<byte> body)
        {
            body = body.StartsWith("\uFEFF"u8) ? body[3..] : body;
            var start = body.IndexOfAnyExcept(" \t\r\n"u8);
            return start < 0 ? (byte)0 : body[start];
        }

        private static string Describe(byte first) => first switch
        {
            0 => "nothing (the body is empty)",
            (byte)'n' => "null",
            (byte)'[' => "an array",
            (byte)'"' => "a string",
            (byte)'t' or (byte)'f' => "true or false",
            (byte)'-' or (>= (byte)'0' and <= (byte)'9') => "a number",
            _ => $"'{(char)first}'",
        };
    }
}
