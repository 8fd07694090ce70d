using System;
using System.Globalization;

namespace FeishuGen;

/// <summary>Escapes values placed in URL path segments, refusing those that would address another endpoint.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class FeishuUrl
{
    /// <summary>
    /// The value escaped as one path segment, so that no value can change the route: <c>/</c>,
    /// <c>?</c>, <c>#</c> and <c>%</c> are percent-escaped, and values that URL normalisation would
    /// turn into another path are refused before anything is sent: an empty value, <c>.</c> and
    /// <c>..</c> (<c>/messages/../reactions</c> is <c>/reactions</c>), and values holding control
    /// characters (no Feishu ID does, and a line break in a URL is an attack, not data).
    /// </summary>
    /// <param name="value">The value to place in the path.</param>
    /// <exception cref="ArgumentException">The value is empty, a dot segment, or holds a control character.</exception>
    public static string Segment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new ArgumentException("A path parameter cannot be empty: the URL would address a different endpoint.", nameof(value));
        }

        if (value is "." or "..")
        {
            throw new ArgumentException($"A path parameter cannot be '{value}': URL normalisation would turn it into another endpoint's path.", nameof(value));
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"A path parameter cannot hold the control character U+{(int)c:X4}.", nameof(value));
            }
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>An integer path segment.</summary>
    /// <param name="value">The value to place in the path.</param>
    public static string Segment(long value) => value.ToString(CultureInfo.InvariantCulture);
}
