using Campaigns.Campaign;
using Cronos;

namespace Campaigns.Scheduling;

/// <summary>
/// Turns a campaign's schedule into occurrences. An occurrence is the unit of "send once": its id is part of every
/// ledger key, so running the same occurrence twice plans nothing new.
/// </summary>
public sealed class CampaignSchedule
{
    private static readonly TimeSpan[] LookBack = [TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(367)];
    private readonly ScheduleDefinition _definition;
    private readonly CronExpression? _cron;
    private readonly TimeZoneInfo _zone;

    /// <summary>Builds the schedule; the definition must have been validated.</summary>
    public CampaignSchedule(ScheduleDefinition definition)
    {
        _definition = definition;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone);
        if (definition.Type == "cron") _cron = CronExpression.Parse(definition.Cron!);
    }

    /// <summary>The cron expression, for recurring jobs; null for other schedules.</summary>
    public string? Cron => _definition.Type == "cron" ? _definition.Cron : null;

    /// <summary>The zone the cron expression is read in.</summary>
    public TimeZoneInfo TimeZone => _zone;

    /// <summary>True for a trigger campaign: it has no occurrences of its own, events plan it (Campaigns.Triggers).</summary>
    public bool IsTrigger => _definition.Type == "trigger";

    /// <summary>The one-time instant of an <c>at</c> schedule, else null.</summary>
    public DateTimeOffset? At => _definition.Type == "at" ? _definition.At : null;

    /// <summary>
    /// The occurrence that is current at <paramref name="now"/>: <c>once</c> for "now" schedules, the instant for "at",
    /// and the latest cron fire time at or before now for "cron" (null when it has never fired in the past year).
    /// </summary>
    public Occurrence? Current(DateTimeOffset now)
    {
        switch (_definition.Type)
        {
            case "now":
                return new Occurrence("once", now);
            case "at":
                return new Occurrence(Format(_definition.At!.Value), _definition.At!.Value);
            case "trigger":
                return null;
            default:
                foreach (var span in LookBack)
                {
                    var last = _cron!.GetOccurrences(now - span, now, _zone, fromInclusive: true, toInclusive: true).LastOrDefault();
                    if (last != default) return new Occurrence(Format(last), last);
                }
                return null;
        }
    }

    /// <summary>The next cron fire time after <paramref name="now"/>, for display.</summary>
    public DateTimeOffset? Next(DateTimeOffset now) => _cron?.GetNextOccurrence(now, _zone);

    /// <summary>Checks a five-field cron expression.</summary>
    public static bool TryParseCron(string expression, out string error)
    {
        try
        {
            CronExpression.Parse(expression);
            error = "";
            return true;
        }
        catch (CronFormatException ex)
        {
            error = $"invalid cron expression '{expression}': {ex.Message}";
            return false;
        }
    }

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One occurrence of a campaign's schedule.</summary>
/// <param name="Id">Stable id used in ledger keys.</param>
/// <param name="Start">Nothing of this occurrence is sent before this instant.</param>
public sealed record Occurrence(string Id, DateTimeOffset Start);
