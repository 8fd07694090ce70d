using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Tokens;

/// <summary>
/// One holder at a time per key, with the key's entry removed when nobody holds or waits for it:
/// a store app serving many tenants does not keep a semaphore per tenant it ever saw.
/// </summary>
internal sealed class KeyedGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many keys are held or awaited right now.</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    public async ValueTask<Releaser> EnterAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    private void Leave(string key, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
            }
        }
    }

    /// <summary>Releases the key when disposed.</summary>
    public readonly struct Releaser : IDisposable
    {
        private readonly KeyedGate _gate;
        private readonly string _key;
        private readonly Entry _entry;

        internal Releaser(KeyedGate gate, string key, Entry entry)
        {
            _gate = gate;
            _key = key;
            _entry = entry;
        }

        public void Dispose()
        {
            _entry.Semaphore.Release();
            _gate.Leave(_key, _entry);
        }
    }

    internal sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
