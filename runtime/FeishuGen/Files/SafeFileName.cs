using System;
using System.Text;

namespace FeishuGen.Files;

/// <summary>
/// A file name from a reply made safe to join to a folder: the last path part only (after
/// <c>/</c> or <c>\</c>, decoded or not), no characters Windows or Unix refuse, no leading or
/// trailing dots and spaces, no device names, at most 200 characters. Null when nothing is left.
/// </summary>
internal static class SafeFileName
{
    private const int MaxLength = 200;
    private static readonly string[] DeviceNames = { "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9" };

    public static string? From(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var last = raw.Substring(raw.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        var builder = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            builder.Append(char.IsControl(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        }

        var name = builder.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return null;
        }

        var stem = name.Split('.')[0];
        if (Array.Exists(DeviceNames, d => d.Equals(stem, StringComparison.OrdinalIgnoreCase)))
        {
            name = "_" + name;
        }

        return name.Length <= MaxLength ? name : Shorten(name);
    }

    // Keeps the extension, which tells the user (and the OS) what the file is.
    private static string Shorten(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 16 ? name.Substring(dot) : string.Empty;
        return name.Substring(0, MaxLength - extension.Length) + extension;
    }
}
