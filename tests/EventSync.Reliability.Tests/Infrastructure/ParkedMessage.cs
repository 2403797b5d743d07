namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>A message MassTransit moved to an error queue: its body and the fault headers that say why.</summary>
public sealed record ParkedMessage(byte[] Body, string? FaultMessage, string? FaultExceptionType)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
