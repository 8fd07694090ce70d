using System;

namespace FeishuGen.Http;

/// <summary>
/// A per-client token bucket of retries: calls deposit <see cref="FeishuRetryOptions.BudgetRatio"/>,
/// retries withdraw one. When an outage makes every call fail, retries stop at the budget
/// instead of multiplying the traffic.
/// </summary>
internal sealed class RetryBudget
{
    private readonly object _lock = new();
    private readonly double _ratio;
    private readonly double _capacity;
    private double _balance;

    public RetryBudget(FeishuRetryOptions options)
    {
        _ratio = Math.Max(0, options.BudgetRatio);
        _balance = Math.Max(0, options.BudgetMinimum);
        _capacity = _balance + Math.Max(10, 100 * _ratio);
    }

    public void Deposit()
    {
        lock (_lock)
        {
            _balance = Math.Min(_capacity, _balance + _ratio);
        }
    }

    public bool TryWithdraw()
    {
        lock (_lock)
        {
            if (_balance < 1)
            {
                return false;
            }

            _balance -= 1;
            return true;
        }
    }
}
