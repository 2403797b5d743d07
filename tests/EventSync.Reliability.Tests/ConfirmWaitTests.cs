using EventSync.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace EventSync.Reliability.Tests;

/// <summary>
/// A publish that never completes (its connection died before the confirm, or its frames wait in a dead connection's write
/// queue) is cancelled at <see cref="MessagingOptions.PublishTimeout"/>, not left behind: left waiting, it holds its
/// channel's confirm lock and keeps the client from telling the connection's other channels that it is gone.
/// </summary>
public sealed class ConfirmWaitTests
{
    private static readonly IOptions<MessagingOptions> ShortBound = Options.Create(new MessagingOptions { PublishTimeout = TimeSpan.FromMilliseconds(200) });

    [Fact]
    public async Task Should_cancel_the_publish_itself_and_fail_with_a_timeout_naming_the_setting_when_the_confirm_never_comes()
    {
        var publish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => ShortBound.Within(
            token =>
            {
                token.Register(() => publish.TrySetCanceled(token));
                return publish.Task;
            },
            TestContext.Current.CancellationToken));

        // Cancelled at the bound, by the timer's thread or by the failing one: awaited, not read at once.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Contains("EventSync:Messaging:PublishTimeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_with_a_timeout_even_when_the_publish_ignores_its_token()
    {
        var never = new TaskCompletionSource();

        await Assert.ThrowsAsync<TimeoutException>(() => ShortBound.Within(_ => never.Task, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_report_the_callers_cancellation_as_a_cancellation_not_a_timeout()
    {
        using var caller = new CancellationTokenSource();
        var publish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bound = Options.Create(new MessagingOptions { PublishTimeout = TimeSpan.FromMinutes(5) });

        var waiting = bound.Within(
            token =>
            {
                token.Register(() => publish.TrySetCanceled(token));
                return publish.Task;
            },
            caller.Token);
        await caller.CancelAsync();

        var failure = await Record.ExceptionAsync(() => waiting);
        Assert.IsAssignableFrom<OperationCanceledException>(failure);
        Assert.True(publish.Task.IsCanceled);
    }

    [Fact]
    public async Task Should_return_once_the_publish_is_confirmed()
    {
        var calls = 0;

        await ShortBound.Within(
            token =>
            {
                calls++;
                Assert.False(token.IsCancellationRequested);
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(1, calls);
    }
}
