namespace Campaigns.Evaluation.Timing;

/// <summary>The two reference predictors every send-time strategy is compared with.</summary>
internal static class Baselines
{
    /// <summary>Name of the baseline that predicts the most common local hour of all training moments, for everyone.</summary>
    public const string Global = "baseline:global-hour";

    /// <summary>Name of the baseline that predicts the customer's own most common training hour.</summary>
    public const string Own = "baseline:own-hour";

    /// <summary>Training moments per local hour, over every customer.</summary>
    public static int[] HourCounts(TimingSplit split)
    {
        var counts = new int[24];
        foreach (var hours in split.TrainHours.Values) foreach (var h in hours) counts[h]++;
        return counts;
    }

    /// <summary>The most common hour of <paramref name="counts"/>; ties go to the hour more common in <paramref name="tieBreak"/>, then the earlier.</summary>
    public static int Mode(int[] counts, int[] tieBreak)
    {
        var best = 0;
        for (var h = 1; h < 24; h++)
            if (counts[h] > counts[best] || (counts[h] == counts[best] && tieBreak[h] > tieBreak[best])) best = h;
        return best;
    }

    /// <summary>The customer's most common training hour; ties go to the hour more common over everyone.</summary>
    public static int OwnMode(int[] hours, int[] population)
    {
        var counts = new int[24];
        foreach (var h in hours) counts[h]++;
        return Mode(counts, population);
    }
}
