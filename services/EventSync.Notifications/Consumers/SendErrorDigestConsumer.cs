using EventSync.Contracts;
using EventSync.Notifications.Digests;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary>Sends the digest; the message id is the claim token, so a redelivery or retry of this command takes its own claim again.</summary>
internal sealed class SendErrorDigestConsumer(DigestSender digests) : IConsumer<SendErrorDigest>
{
    public Task Consume(ConsumeContext<SendErrorDigest> context) =>
        digests.SendAsync(context.Message, (context.MessageId ?? NewId.NextGuid()).ToString("N"), context.CancellationToken);
}
