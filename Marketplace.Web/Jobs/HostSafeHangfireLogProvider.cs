using Hangfire.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Marketplace.Web.Jobs;

/// <summary>
/// Sends Hangfire's logs to ASP.NET Core logging. Hangfire's log provider is process-wide while a logger factory
/// belongs to one host: when several hosts share a process (integration tests) and one stops, its disposed factory
/// must not crash the others, so those log calls are dropped instead of throwing.
/// </summary>
internal sealed class HostSafeHangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new HostSafeLog(loggerFactory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new HostSafeLog(null);
        }
    }

    private sealed class HostSafeLog(ILogger? logger) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logger is null) return false;
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => MsLogLevel.Trace,
                HangfireLogLevel.Debug => MsLogLevel.Debug,
                HangfireLogLevel.Info => MsLogLevel.Information,
                HangfireLogLevel.Warn => MsLogLevel.Warning,
                HangfireLogLevel.Error => MsLogLevel.Error,
                _ => MsLogLevel.Critical,
            };
            try
            {
                if (messageFunc is null) return logger.IsEnabled(level);
                if (!logger.IsEnabled(level)) return false;
                logger.Log(level, 0, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
