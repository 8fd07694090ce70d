using System;
using System.Globalization;

namespace FeishuGen;

/// <summary>Escapes values placed in URL path segments.</summary>
public static class FeishuUrl
{
    /// <summary>The value escaped as one path segment (a '/' inside it cannot change the route).</summary>
    /// <param name="value">The value to place in the path.</param>
    public static string Segment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new ArgumentException("A path parameter cannot be empty: the URL would address a different endpoint.", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>An integer path segment.</summary>
    /// <param name="value">The value to place in the path.</param>
    public static string Segment(long value) => value.ToString(CultureInfo.InvariantCulture);
}
