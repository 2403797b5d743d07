using System.Globalization;
using System.Text;

namespace EventSync.Api.Localization;

/// <summary>Fills a <see cref="ProblemTexts"/> text (in the request's language) with its values, formatted the same way in every language.</summary>
internal static class ProblemFormat
{
    public static string With(string text, params object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, CompositeFormat.Parse(text), values);
}
