using System;
using System.Collections.Generic;

namespace FeishuGen.Testing;

/// <summary>
/// Scripted items (replies, faults) each taken once by the first request its condition accepts,
/// in the order they were added. One lock: concurrent requests never take the same item, and no
/// item is skipped or reordered while another request looks.
/// </summary>
internal sealed class ScriptQueue<T>
{
    private readonly List<(T Item, Func<RecordedRequest, bool> When)> _items = new();

    public void Add(T item, Func<RecordedRequest, bool> when)
    {
        lock (_items)
        {
            _items.Add((item, when));
        }
    }

    public bool TryTake(RecordedRequest request, out T item)
    {
        lock (_items)
        {
            for (var i = 0; i < _items.Count; i++)
            {
                if (_items[i].When(request))
                {
                    item = _items[i].Item;
                    _items.RemoveAt(i);
                    return true;
                }
            }
        }

        item = default!;
        return false;
    }
}
