using System.Globalization;

namespace EventSync.Api.Localization;

/// <summary>The languages the API's problem texts are written in; English when the request asks for none of them.</summary>
internal static class ApiLanguages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = [Default, "pl"];

    public static CultureInfo[] Cultures() => [.. Supported.Select(CultureInfo.GetCultureInfo)];
}
