using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace FeishuGen;

/// <summary>
/// The parts of a multipart/form-data upload, in order: text fields and files. The pages of
/// upload endpoints do not document their part names; Feishu's API reference does (for
/// im/v1/images: <c>image_type</c> and <c>image</c>).
/// </summary>
public sealed class FeishuFormData : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _parts = new();

    /// <summary>The number of parts.</summary>
    public int Count => _parts.Count;

    /// <summary>Adds a text field (skipped when <paramref name="value"/> is null).</summary>
    /// <param name="name">The part name.</param>
    /// <param name="value">The text.</param>
    public FeishuFormData Add(string name, string? value)
    {
        if (value is not null)
        {
            _parts.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Adds an integer field (skipped when null).</summary>
    /// <param name="name">The part name.</param>
    /// <param name="value">The value.</param>
    public FeishuFormData Add(string name, long? value)
        => value is { } v ? Add(name, v.ToString(CultureInfo.InvariantCulture)) : this;

    /// <summary>Adds a boolean field (skipped when null).</summary>
    /// <param name="name">The part name.</param>
    /// <param name="value">The value.</param>
    public FeishuFormData Add(string name, bool? value)
        => value is { } v ? Add(name, v ? "true" : "false") : this;

    /// <summary>Adds a file part (skipped when null).</summary>
    /// <param name="name">The part name.</param>
    /// <param name="file">The file.</param>
    public FeishuFormData Add(string name, FeishuFile? file)
    {
        if (file is not null)
        {
            _parts.Add(new(name, file));
        }

        return this;
    }

    /// <summary>Adds every part of <paramref name="other"/> (nothing when null).</summary>
    /// <param name="other">More parts.</param>
    public FeishuFormData AddRange(FeishuFormData? other)
    {
        if (other is not null)
        {
            _parts.AddRange(other._parts);
        }

        return this;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _parts.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
