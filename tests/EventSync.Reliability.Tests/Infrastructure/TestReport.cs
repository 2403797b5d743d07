namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>Figures a fault test measured, written to the test output (shown with a normal-verbosity console logger and in the TRX file).</summary>
public static class TestReport
{
    public static void Line(string text) => TestContext.Current.TestOutputHelper?.WriteLine(text);
}
