using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeishuGen.LongConnection;

/// <summary>
/// Readiness of the long connection: Healthy when connected; Degraded while connecting or
/// reconnecting (events wait at Feishu, which sends them again); Unhealthy when it failed for good
/// (403, the connection limit), when it is stopped, or when it has been reconnecting longer than
/// <see cref="UnhealthyAfter"/>. The data holds the state, its reason and how long it has lasted.
/// </summary>
public sealed class FeishuLongConnectionHealthCheck : IHealthCheck
{
    private readonly FeishuLongConnection _connection;
    private readonly TimeProvider _time;

    /// <summary>Creates the check.</summary>
    /// <param name="connection">The connection to report on.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    public FeishuLongConnectionHealthCheck(FeishuLongConnection connection, TimeProvider? timeProvider = null)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long connecting or reconnecting may last before the check says Unhealthy (5 min).</summary>
    public TimeSpan UnhealthyAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = _connection.State;
        var reason = _connection.StateReason;
        var lasted = _time.GetUtcNow() - _connection.StateSince;
        var data = new Dictionary<string, object>
        {
            ["state"] = FeishuMetrics.StateName(state),
            ["since"] = _connection.StateSince,
            ["connections"] = _connection.Connections,
        };
        if (reason is not null)
        {
            data["reason"] = reason;
        }

        var result = state switch
        {
            FeishuLongConnectionState.Connected => HealthCheckResult.Healthy("The Feishu long connection is open.", data),
            FeishuLongConnectionState.Failed => HealthCheckResult.Unhealthy("The Feishu long connection was refused for good: " + reason, data: data),
            FeishuLongConnectionState.Stopped => HealthCheckResult.Unhealthy("The Feishu long connection is not running.", data: data),
            _ when lasted > UnhealthyAfter => HealthCheckResult.Unhealthy($"The Feishu long connection has been {FeishuMetrics.StateName(state)} for {lasted.TotalSeconds:0} s: {reason}", data: data),
            _ => HealthCheckResult.Degraded($"The Feishu long connection is {FeishuMetrics.StateName(state)}" + (reason is null ? "." : ": " + reason), data: data),
        };
        return Task.FromResult(result);
    }
}
