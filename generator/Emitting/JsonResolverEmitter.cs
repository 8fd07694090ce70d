using FeishuGen.Generator.Planning;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Prints an IJsonTypeInfoResolver for every generated record, so that System.Text.Json can
/// serialize them (for logging, storage or tests) without reflection: each JsonTypeInfo wraps
/// the generated reader and writer.
/// </summary>
internal static class JsonResolverEmitter
{
    /// <summary>The resolver over records known by identity only: a field edit does not change it.</summary>
    public static string Emit(ResolverUnit unit)
    {
        var className = unit.ClassName;
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + unit.RootNamespace);
        writer.Line("/// <summary>System.Text.Json metadata for every generated record, built on the generated readers and writers (no reflection, NativeAOT-safe).</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public sealed partial class " + className + " : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        writer.Line("/// <summary>The shared instance.</summary>");
        writer.Line("public static " + className + " Instance { get; } = new();");
        writer.Line();
        writer.Line("/// <summary>Options that serialize generated records (and JSON nodes) and nothing else.</summary>");
        writer.Line("public static global::System.Text.Json.JsonSerializerOptions Options { get; } = new() { TypeInfoResolver = global::System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(Instance, global::FeishuGen.Json.FeishuRuntimeJsonContext.Default) };");
        writer.Line();
        writer.Line("/// <summary>Serializes a generated record (NativeAOT-safe: no reflection).</summary>");
        writer.Line("/// <typeparam name=\"T\">A generated record type.</typeparam>");
        writer.Line("/// <param name=\"value\">The value.</param>");
        writer.Line("/// <returns>The JSON text, with the page's wire names.</returns>");
        writer.Line("public static string Serialize<T>(T value) => global::System.Text.Json.JsonSerializer.Serialize(value, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));");
        writer.Line();
        writer.Line("/// <summary>Deserializes a generated record (NativeAOT-safe: no reflection).</summary>");
        writer.Line("/// <typeparam name=\"T\">A generated record type.</typeparam>");
        writer.Line("/// <param name=\"json\">The JSON text.</param>");
        writer.Line("/// <returns>The value.</returns>");
        writer.Line("public static T? Deserialize<T>(string json) => global::System.Text.Json.JsonSerializer.Deserialize(json, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        foreach (var type in unit.Types)
        {
            writer.Line("if (type == typeof(" + type.Global + ")) return global::FeishuGen.Json.FeishuJsonShapes.TypeInfo(options, " + JsonCode.Shape(type) + ");");
        }

        writer.Line("return null;");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
