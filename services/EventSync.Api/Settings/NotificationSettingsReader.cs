using System.Text.Json;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Notifications;
using EventSync.Core.Validation;

namespace EventSync.Api.Settings;

/// <summary>Validates a notification-settings body, naming each field that is not valid.</summary>
internal static class NotificationSettingsReader
{
    public const int MaxRecipients = 20;

    /// <summary>The longest <c>recipients</c> array read at all (duplicates included); a longer one is refused unread.</summary>
    public const int MaxRecipientEntries = 100;
    public const string DefaultTimeZone = "UTC";
    public const string DefaultLanguage = "en";

    public static IReadOnlyDictionary<string, DigestFrequency> Frequencies { get; } =
        new Dictionary<string, DigestFrequency>(StringComparer.Ordinal)
        {
            ["immediate"] = DigestFrequency.Immediate,
            ["daily"] = DigestFrequency.Daily,
            ["weekly"] = DigestFrequency.Weekly,
        };

    public static NotificationSettings Defaults(string tenantId) => new(tenantId, false, DigestFrequency.Daily, [], DefaultTimeZone, DefaultLanguage);

    public static string ToWire(DigestFrequency frequency) => Frequencies.First(f => f.Value == frequency).Key;

    public static NotificationSettings Read(string tenantId, JsonElement body, ValidationProblems problems)
    {
        var enabledValue = JsonRequestBody.OptionalBool(body, "enabled", problems);
        if (enabledValue is null && !problems.Has("enabled"))
        {
            problems.Add("enabled", ProblemTexts.EnabledRequired);
        }

        var enabled = enabledValue ?? false;
        var frequencyText = JsonRequestBody.OptionalString(body, "frequency", problems);
        if (!Frequencies.TryGetValue(frequencyText ?? "", out var frequency) && !problems.Has("frequency"))
        {
            var known = string.Join(", ", Frequencies.Keys);
            problems.Add("frequency", frequencyText is null ? ProblemFormat.With(ProblemTexts.FrequencyRequired, known) : ProblemFormat.With(ProblemTexts.FrequencyUnknown, frequencyText, known));
        }

        var recipients = Recipients(body, enabled, problems);
        var timeZone = JsonRequestBody.OptionalString(body, "timeZone", problems)?.Trim() ?? DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            problems.Add("timeZone", ProblemFormat.With(ProblemTexts.TimeZoneUnknown, timeZone));
        }

        var languageText = JsonRequestBody.OptionalString(body, "language", problems)?.Trim() ?? DefaultLanguage;
        var language = LocalizedText.Languages.FirstOrDefault(l => l.Equals(languageText, StringComparison.OrdinalIgnoreCase));
        if (language is null)
        {
            problems.Add("language", ProblemFormat.With(ProblemTexts.LanguageUnknown, languageText, string.Join(", ", LocalizedText.Languages)));
        }

        return new NotificationSettings(tenantId, enabled, frequency, recipients, timeZone, language ?? DefaultLanguage);
    }

    private static List<string> Recipients(JsonElement body, bool enabled, ValidationProblems problems)
    {
        var recipients = new List<string>();
        if (JsonRequestBody.TryGet(body, "recipients", out var value))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add("recipients", ProblemTexts.RecipientsNotArray);
                return recipients;
            }

            if (value.GetArrayLength() > MaxRecipientEntries)
            {
                problems.Add("recipients", ProblemFormat.With(ProblemTexts.RecipientEntriesTooMany, MaxRecipientEntries, value.GetArrayLength()));
                return recipients;
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in value.EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : null;
                if (!RecipientAddress.IsValid(text))
                {
                    var shown = text is null ? item.GetRawText() : $"'{text}'";
                    problems.Add("recipients", ProblemFormat.With(ProblemTexts.RecipientInvalid, shown.Length > 80 ? shown[..80] + "…" : shown, RecipientAddress.MaxLocalPartLength, RecipientAddress.MaxLength));
                }
                else if (seen.Add(text))
                {
                    recipients.Add(text);
                }
            }
        }

        if (recipients.Count > MaxRecipients)
        {
            problems.Add("recipients", ProblemFormat.With(ProblemTexts.RecipientsTooMany, MaxRecipients, recipients.Count));
        }
        else if (enabled && recipients.Count == 0 && !problems.Has("recipients"))
        {
            problems.Add("recipients", ProblemTexts.RecipientsMissing);
        }

        return recipients;
    }
}
