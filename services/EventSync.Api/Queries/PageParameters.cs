using System.Globalization;
using EventSync.Api.Localization;

namespace EventSync.Api.Queries;

/// <summary>Paging of a list: an opaque cursor from the previous page and the page size, both as text.</summary>
internal sealed class PageParameters
{
    public string? Cursor { get; init; }

    public string? Limit { get; init; }

    /// <summary>The page size: <see cref="ApiOptions.DefaultPageSize"/> when none is given, else 1 to <see cref="ApiOptions.MaxPageSize"/>.</summary>
    public int ReadLimit(ApiOptions options, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(Limit))
        {
            return options.DefaultPageSize;
        }

        if (int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1 && size <= options.MaxPageSize)
        {
            return size;
        }

        problems.Add("limit", ProblemFormat.With(ProblemTexts.WholeNumberRange, options.MaxPageSize));
        return options.DefaultPageSize;
    }

    /// <summary>Where the previous page ended; null on the first page, or (with a problem named) when it is no cursor of ours.</summary>
    public PageCursor? ReadCursor(ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrEmpty(Cursor))
        {
            return null;
        }

        if (PageCursorCodec.TryDecode(Cursor, out var cursor))
        {
            return cursor;
        }

        problems.Add("cursor", ProblemTexts.CursorInvalid);
        return null;
    }
}
