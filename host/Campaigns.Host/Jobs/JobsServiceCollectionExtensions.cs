using Campaigns.Storage;
using Hangfire;
using Hangfire.PostgreSql;

namespace Campaigns.Host.Jobs;

/// <summary>Hangfire as the executor: in-memory storage on the embedded default, PostgreSQL when configured.</summary>
internal static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds Hangfire. In-memory storage is safe because the delivery ledger, not Hangfire, is the truth: after a restart
    /// the recurring dispatch job finds due rows again. With <c>ConnectionStrings:Campaigns</c> set, jobs live in PostgreSQL
    /// beside the data and any number of hosts share them.
    /// </summary>
    public static IServiceCollection AddCampaignsJobs(this IServiceCollection services, IConfiguration configuration, bool serve)
    {
        var connectionString = configuration.GetConnectionString("Campaigns");
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (string.IsNullOrEmpty(connectionString)) config.UseInMemoryStorage();
            else config.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions { SchemaName = "hangfire", QueuePollInterval = TimeSpan.FromSeconds(1) });
        });
        if (serve)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
                options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
            services.AddHostedService<JobRegistration>();
            services.AddHostedService<ProfileUpdateWorker>();
        }
        services.AddSingleton<CampaignJobScheduler>();
        services.AddTransient<CampaignRunJob>();
        services.AddTransient<DispatchJob>();
        services.AddTransient<AttributionJob>();
        services.AddTransient<ProfilesJob>();
        services.AddTransient<AllocationJob>();
        services.AddTransient<RetrainJob>();
        services.AddSingleton(RetrainingSchedule.From(configuration));
        services.AddSingleton(AttributionWindowsFrom(configuration));
        return services;
    }

    /// <summary><c>Campaigns:Attribution:ClickWindowHours</c> (default 168) and <c>ViewWindowHours</c> (default 24; 0 turns view-through off).</summary>
    private static AttributionWindows AttributionWindowsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("Campaigns:Attribution");
        var click = section.GetValue("ClickWindowHours", 168.0);
        var view = section.GetValue("ViewWindowHours", 24.0);
        if (click is <= 0 or > 24 * 366) throw new InvalidOperationException($"Campaigns:Attribution:ClickWindowHours: {click} must be more than 0 and at most 8784");
        if (view is < 0 or > 24 * 366) throw new InvalidOperationException($"Campaigns:Attribution:ViewWindowHours: {view} must be between 0 and 8784");
        return new AttributionWindows(TimeSpan.FromHours(click), TimeSpan.FromHours(view));
    }
}
