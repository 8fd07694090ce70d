using System;
using System.Collections.Generic;

namespace FeishuGen.LongConnection;

/// <summary>
/// Joins an event sent in several frames (headers <c>sum</c> and <c>seq</c>, one
/// <c>message_id</c>). Parts that wait longer than the timeout are dropped: Feishu sends the
/// whole event again when it is not acknowledged.
/// </summary>
internal sealed class FragmentAssembler
{
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public FragmentAssembler(TimeSpan timeout, TimeProvider time)
    {
        _timeout = timeout;
        _time = time;
    }

    /// <summary>How many events are waiting for parts.</summary>
    public int Waiting
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Adds part <paramref name="seq"/> of <paramref name="sum"/>; returns the whole payload once every part is in.</summary>
    public byte[]? Add(string messageId, int sum, int seq, byte[] payload)
    {
        if (sum <= 1)
        {
            return payload;
        }

        if (seq < 0 || seq >= sum)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        lock (_pending)
        {
            Expire(now);
            if (!_pending.TryGetValue(messageId, out var pending) || pending.Parts.Length != sum)
            {
                pending = new Pending(new byte[]?[sum], now);
                _pending[messageId] = pending;
            }

            if (pending.Parts[seq] is null)
            {
                pending.Parts[seq] = payload;
                pending.Received++;
            }

            if (pending.Received < sum)
            {
                return null;
            }

            _pending.Remove(messageId);
            var length = 0;
            foreach (var part in pending.Parts)
            {
                length += part!.Length;
            }

            var whole = new byte[length];
            var offset = 0;
            foreach (var part in pending.Parts)
            {
                part!.CopyTo(whole, offset);
                offset += part.Length;
            }

            return whole;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        List<string>? stale = null;
        foreach (var (id, pending) in _pending)
        {
            if (now - pending.Started > _timeout)
            {
                (stale ??= new List<string>()).Add(id);
            }
        }

        if (stale is not null)
        {
            foreach (var id in stale)
            {
                _pending.Remove(id);
            }
        }
    }

    private sealed class Pending
    {
        public Pending(byte[]?[] parts, DateTimeOffset started)
        {
            Parts = parts;
            Started = started;
        }

        public byte[]?[] Parts { get; }

        public DateTimeOffset Started { get; }

        public int Received { get; set; }
    }
}
