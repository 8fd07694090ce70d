using System;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Bots;

public sealed partial class BotStream
{
    private async Task StartPostAsync(CancellationToken cancellationToken)
    {
        Mode = BotStreamMode.PostEdit;
        var sent = await _bot.SendAsync(_to, Content.Markdown(_limits.Placeholder, _options.Title), null, cancellationToken).ConfigureAwait(false);
        MessageId = sent.MessageId;
        _pump = Task.Run(PumpPostAsync, CancellationToken.None);
    }

    // Feishu allows 20 edits of a message: intermediate edits are spaced out and capped, the last kept for the final text.
    private async Task PumpPostAsync()
    {
        var last = DateTimeOffset.MinValue;
        while (true)
        {
            await _signal.WaitAsync().ConfigureAwait(false);
            while (_signal.Wait(0))
            {
            }

            bool completing;
            lock (_lock)
            {
                completing = _completing;
            }

            if (completing)
            {
                return;
            }

            var wait = last + _limits.PostEditInterval - _bot.Time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _bot.Time).ConfigureAwait(false);
            }

            var visible = VisiblePost(Text);
            if (_updates >= _limits.MaxPostEdits || visible == _sent || visible.Length == 0)
            {
                continue;
            }

            try
            {
                await _bot.EditAsync(MessageId, Content.Markdown(visible, _options.Title)).ConfigureAwait(false);
                _sent = visible;
                _updates++;
                last = _bot.Time.GetUtcNow();
            }
            catch (FeishuException)
            {
                _failed++;
            }
        }
    }

    private async Task<BotStreamResult> FinishPostAsync(string text)
    {
        var parts = ContentSplitter.Split(text.Length == 0 ? _limits.Placeholder : text, ContentSplitter.PostLimitBytes);
        var delivery = BotStreamDelivery.Edited;
        if (parts[0] != _sent)
        {
            try
            {
                await _bot.EditAsync(MessageId, Content.Markdown(parts[0], _options.Title)).ConfigureAwait(false);
                _updates++;
            }
            catch (FeishuException)
            {
                _failed++;
                delivery = BotStreamDelivery.FallbackMessage;
                var sent = await _bot.SendAsync(_to, Content.Markdown(parts[0], _options.Title)).ConfigureAwait(false);
                _followUps.AddRange(sent.MessageIds);
            }
        }

        await SendFollowUpsAsync(parts).ConfigureAwait(false);
        return Result(text, delivery);
    }

    private static string VisiblePost(string text) => ContentSplitter.Split(text, ContentSplitter.PostLimitBytes)[0];
}
