using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FeishuGen.Tests.Support;

/// <summary>Keeps every line logged, to check what reaches a log (and what never does).</summary>
internal sealed class ListLogger : ILogger<FeishuClient>, ILogger<Tokens.DistributedFeishuTokenCache>, ILogger<Events.FeishuEventDispatcher>, ILogger<LongConnection.FeishuLongConnection>, ILogger<DistributedFeishuUserTokenStore>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string Text => string.Join("\n", Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => Lines.Enqueue(logLevel + " " + formatter(state, exception) + " " + exception);
}
