using System;
using System.Collections.Generic;
using System.Text;

namespace FeishuGen.Bots;

/// <summary>
/// Splits text that is over a message's limit (text 150 KB, post and card 30 KB, measured as the
/// request body carries it: escaped twice, UTF-8) at paragraph boundaries, then at line boundaries,
/// and only then inside a line (never inside a surrogate pair). A fenced code block cut in two is
/// closed at the end of one part and opened again, with its language, at the start of the next.
/// </summary>
public static class ContentSplitter
{
    /// <summary>The documented limit of a text message's body (150 KB).</summary>
    public const int TextLimitBytes = 150 * 1024;

    /// <summary>The documented limit of a post's or card's body (30 KB).</summary>
    public const int PostLimitBytes = 30 * 1024;

    // Room for the rest of the body (receive_id, msg_type, uuid, the content's own JSON around the text).
    private const int Overhead = 1024;

    /// <summary>Splits <paramref name="text"/> into parts whose bodies each fit in <paramref name="limitBytes"/>.</summary>
    /// <param name="text">The text or Markdown.</param>
    /// <param name="limitBytes">The body limit: <see cref="TextLimitBytes"/> or <see cref="PostLimitBytes"/>.</param>
    /// <returns>The parts, in order; one part when the text fits.</returns>
    public static IReadOnlyList<string> Split(string text, int limitBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var budget = limitBytes - Overhead;
        if (budget < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(limitBytes), "The limit leaves no room for text.");
        }

        if (Cost(text) <= budget)
        {
            return [text];
        }

        var parts = new List<string>();
        var part = new StringBuilder();
        var partCost = 0;
        string? openFence = null;
        foreach (var piece in Pieces(text, budget))
        {
            var pieceCost = Cost(piece);
            if (partCost + pieceCost > budget && part.Length > 0)
            {
                Close(parts, part, openFence);
                partCost = openFence is null ? 0 : Cost(openFence + "\n");
                part.Clear();
                if (openFence is not null)
                {
                    part.Append(openFence).Append('\n');
                }
            }

            part.Append(piece);
            partCost += pieceCost;
            openFence = FenceAfter(piece, openFence);
        }

        if (part.Length > 0)
        {
            parts.Add(part.ToString().TrimEnd('\n'));
        }

        return parts;
    }

    /// <summary>Bytes a string takes in the request body: JSON-escaped inside content, which is JSON-escaped again in the body.</summary>
    /// <param name="text">The text.</param>
    public static int Cost(string text)
    {
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            bytes += c switch
            {
                '"' or '\\' => 4,
                '\n' or '\r' or '\t' => 3,
                < ' ' => 7,
                < (char)0x80 => 1,
                < (char)0x800 => 2,
                _ when char.IsHighSurrogate(c) => 2,
                _ => 3,
            };
        }

        return bytes;
    }

    private static void Close(List<string> parts, StringBuilder part, string? openFence)
    {
        var text = part.ToString().TrimEnd('\n');
        parts.Add(openFence is null ? text : text + "\n```");
    }

    // Paragraphs (with the blank line after them), lines of paragraphs too big alone, and pieces of lines too big alone.
    private static IEnumerable<string> Pieces(string text, int budget)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            var paragraph = end < 0 ? text[start..] : text[start..(end + 2)];
            start += paragraph.Length;
            if (Cost(paragraph) <= budget / 2)
            {
                yield return paragraph;
                continue;
            }

            foreach (var line in Lines(paragraph))
            {
                if (Cost(line) <= budget / 2)
                {
                    yield return line;
                    continue;
                }

                foreach (var slice in Slices(line, budget / 2))
                {
                    yield return slice;
                }
            }
        }
    }

    private static IEnumerable<string> Lines(string paragraph)
    {
        var start = 0;
        while (start < paragraph.Length)
        {
            var end = paragraph.IndexOf('\n', start);
            var line = end < 0 ? paragraph[start..] : paragraph[start..(end + 1)];
            start += line.Length;
            yield return line;
        }
    }

    private static IEnumerable<string> Slices(string line, int budget)
    {
        var start = 0;
        while (start < line.Length)
        {
            var cost = 0;
            var end = start;
            while (end < line.Length)
            {
                var width = char.IsHighSurrogate(line[end]) && end + 1 < line.Length ? 2 : 1;
                var next = Cost(line.Substring(end, width));
                if (cost + next > budget && end > start)
                {
                    break;
                }

                cost += next;
                end += width;
            }

            yield return line[start..end];
            start = end;
        }
    }

    // The fence left open after a piece: toggled by each fence line it holds.
    private static string? FenceAfter(string piece, string? open)
    {
        foreach (var line in piece.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                open = open is null ? trimmed.TrimEnd() : null;
            }
        }

        return open;
    }
}
