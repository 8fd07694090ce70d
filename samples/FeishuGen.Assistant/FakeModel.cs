using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Assistant;

/// <summary>Stands in for a language model: an answer to the prompt, a few characters at a time, at a model's pace.</summary>
internal sealed class FakeModel
{
    private readonly int _delayMs;

    public FakeModel(int delayMs = 8) => _delayMs = delayMs;

    /// <summary>The whole answer the model gives to <paramref name="prompt"/>.</summary>
    public static string Answer(string prompt)
        => $"你问的是「{prompt}」。\n\n**要点**：\n1. 飞书机器人的回复以卡片流式显示，像打字一样逐步出现；\n2. 每次更新携带到目前为止的全部文本，序号严格递增；\n3. 更新频率保持在每张卡片每秒 10 次、每个应用每秒 50 次以内。\n\n回答完毕。";

    public async IAsyncEnumerable<string> StreamAsync(string prompt, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var answer = Answer(prompt);
        for (var i = 0; i < answer.Length; i += 3)
        {
            await Task.Delay(_delayMs, cancellationToken).ConfigureAwait(false);
            yield return answer.Substring(i, System.Math.Min(3, answer.Length - i));
        }
    }
}
