using EventSync.Contracts;
using EventSync.Notifications.Assignments;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary>Emails the assignee of the errors (<see cref="AssignmentNotifier"/>); a failing SMTP server fails the message, which is retried.</summary>
internal sealed class ErrorsAssignedConsumer(AssignmentNotifier notifier) : IConsumer<ErrorsAssigned>
{
    public Task Consume(ConsumeContext<ErrorsAssigned> context) => notifier.NotifyAsync(context.Message, context.CancellationToken);
}
