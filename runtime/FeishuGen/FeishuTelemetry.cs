using System.Diagnostics;

namespace FeishuGen;

/// <summary>Tracing: one Activity per call (source name "FeishuGen"), tagged with method, path, status, code and log id.</summary>
public static class FeishuTelemetry
{
    /// <summary>The ActivitySource name to listen to (e.g. with OpenTelemetry's AddSource("FeishuGen")).</summary>
    public const string SourceName = "FeishuGen";

    /// <summary>The source of the client's activities.</summary>
    public static ActivitySource Source { get; } = new(SourceName, "0.1.0");
}
