using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeishuGen.Json;

/// <summary>The writing half of generated JSON code.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class FeishuJsonWriter
{
    /// <summary>Writes a JSON node; null becomes JSON null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="node">The node.</param>
    public static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    /// <summary>Writes kept unknown members back into the object being written.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="members">The members, or null.</param>
    public static void WriteMembers(Utf8JsonWriter writer, JsonObject? members)
    {
        if (members is null)
        {
            return;
        }

        foreach (var member in members)
        {
            writer.WritePropertyName(member.Key);
            WriteNode(writer, member.Value);
        }
    }

    /// <summary>Writes a string list item.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteStringItem(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes an integer list item.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteInt64Item(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a number list item.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDoubleItem(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    /// <summary>Writes a boolean list item.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteBooleanItem(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
}
