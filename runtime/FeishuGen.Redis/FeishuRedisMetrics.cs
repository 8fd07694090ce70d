using System.Threading;
using FeishuGen.Telemetry;

namespace FeishuGen.Redis;

/// <summary>The durable stream's gauge on FeishuGen's Meter: the backlog the consumers last saw.</summary>
internal static class FeishuRedisMetrics
{
    private static long _backlog;

    static FeishuRedisMetrics()
    {
        FeishuMetrics.Meter.CreateObservableGauge("feishu.events.stream.backlog", () => Interlocked.Read(ref _backlog), "{event}", "Events in the durable stream not yet handled (all instances), as last read by this instance's consumer.");
    }

    public static void Backlog(long length) => Interlocked.Exchange(ref _backlog, length);
}
