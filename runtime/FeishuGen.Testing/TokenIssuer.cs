using System;
using System.Collections.Concurrent;
using System.Threading;

namespace FeishuGen.Testing;

/// <summary>Issues and checks the tokens of the local server.</summary>
internal sealed class TokenIssuer
{
    private readonly ConcurrentDictionary<string, (FeishuTokenType Type, DateTimeOffset ExpiresAt)> _issued = new();
    private readonly TimeProvider _time;
    private int _counter;

    public TokenIssuer(TimeProvider time) => _time = time;

    public int Issued => Volatile.Read(ref _counter);

    public string Issue(FeishuTokenType type, TimeSpan lifetime)
    {
        var number = Interlocked.Increment(ref _counter);
        var token = (type == FeishuTokenType.App ? "a-" : "t-") + "local" + number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N").Substring(0, 8);
        _issued[token] = (type, _time.GetUtcNow() + lifetime);
        return token;
    }

    /// <summary>Forgets every token, as if they had all been revoked.</summary>
    public void RevokeAll() => _issued.Clear();

    public FeishuTokenType? Check(string token)
        => _issued.TryGetValue(token, out var entry) && _time.GetUtcNow() < entry.ExpiresAt ? entry.Type : null;
}
