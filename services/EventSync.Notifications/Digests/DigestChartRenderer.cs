using ScottPlot;

namespace EventSync.Notifications.Digests;

/// <summary>The digest's chart: errors per category in the period as a bar chart, a PNG of <see cref="Width"/> x <see cref="Height"/>.</summary>
internal static class DigestChartRenderer
{
    public const int Width = 640;
    public const int Height = 320;

    // ScottPlot's plots share SkiaSharp font caches: one chart at a time.
    private static readonly Lock RenderLock = new();

    public static byte[] RenderPng(IReadOnlyList<DigestCategoryCount> counts, string title)
    {
        ArgumentNullException.ThrowIfNull(counts);
        lock (RenderLock)
        {
            using var plot = new Plot();
            var bars = plot.Add.Bars(counts.Select(c => (double)c.Errors).ToArray());
            bars.Color = Color.FromHex("#2f6db5");
            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, counts.Count).Select(i => (double)i)], [.. counts.Select(c => c.Title)]);
            plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 110;
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.Margins(bottom: 0);
            plot.Title(title);
            plot.Font.Automatic();
            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
    }
}
