using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Emits the events of a compilation: a record per event body (and its nested records), the
/// event type constants, the typed <c>On…</c> registration methods on the runtime's dispatcher,
/// the event catalogue and a JSON resolver for the event records.
/// </summary>
internal static class EventEmitter
{
    public const string TypesClass = "FeishuEventTypes";
    public const string RegistrationsClass = "FeishuEventRegistrations";
    public const string CatalogueClass = "FeishuEventCatalogue";
    public const string ResolverClass = "FeishuEventJsonResolver";

    private const string Dispatcher = "global::FeishuGen.Events.FeishuEventDispatcher";

    /// <summary>Like <see cref="Emit"/>, but a failure becomes FSG0013 for the event pages instead of an exception out of the generator.</summary>
    public static List<GeneratedFile> EmitSafely(EventApiSpec api, out Diagnostics.DiagnosticInfo? failure)
    {
        failure = null;
        try
        {
            return Emit(api);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            failure = new Diagnostics.DiagnosticInfo(Diagnostics.DiagnosticDescriptors.GenerationFailure.Id, string.Empty, 0, 0, 0,
                new[] { "the event pages of this project (no event is generated)", e.GetType().Name + ": " + e.Message }.ToEquatableArray());
            return new List<GeneratedFile>();
        }
    }

    public static List<GeneratedFile> Emit(EventApiSpec api)
    {
        var files = new List<GeneratedFile>();
        if (api.Events.Count == 0)
        {
            return files;
        }

        var options = api.Options;
        foreach (var type in api.Types)
        {
            var relative = type.Namespace.Substring(options.RootNamespace.Length + 1);
            files.Add(new GeneratedFile(relative + "." + type.Name + ".g.cs", RecordEmitter.Emit(type)));
        }

        var events = api.Events.OrderBy(e => e.Model.EventType, System.StringComparer.Ordinal).ToList();
        files.Add(new GeneratedFile(TypesClass + ".g.cs", EmitTypes(options, events)));
        files.Add(new GeneratedFile(RegistrationsClass + ".g.cs", EmitRegistrations(options, events)));
        files.Add(new GeneratedFile(CatalogueClass + ".g.cs", EmitCatalogue(options, events)));
        files.Add(new GeneratedFile(ResolverClass + ".g.cs", JsonResolverEmitter.Emit(options, api.Types, ResolverClass)));
        return ApiEmitter.UniqueHintNames(files);
    }

    private static string EmitTypes(GeneratorOptions options, List<EventSpec> events)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + options.RootNamespace);
        writer.Line("/// <summary>The event types of the event pages in specs/, as Feishu sends them.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public static partial class " + TypesClass);
        foreach (var spec in events)
        {
            writer.Line("/// <summary>" + CSharp.Xml(spec.Model.Title) + "</summary>");
            writer.Line("public const string " + spec.Name + " = " + CSharp.Literal(spec.Model.EventType) + ";");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static string EmitRegistrations(GeneratorOptions options, List<EventSpec> events)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + options.RootNamespace);
        writer.Line("/// <summary>Typed handlers for the event pages in specs/: <c>dispatcher.OnImMessageReceiveV1(async (e, ct) => ...)</c>.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public static partial class " + RegistrationsClass);
        var first = true;
        foreach (var spec in events)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var body = "global::" + spec.BodyFullName;
            var model = spec.Model;
            writer.Line("/// <summary>");
            writer.Line("/// " + CSharp.Xml(model.Title) + " (<c>" + CSharp.Xml(model.EventType) + "</c>, schema " + (model.LegacySchema ? "1.0" : "2.0") + ").");
            writer.Line("/// </summary>");
            writer.Line("/// <remarks>");
            CSharp.XmlLines(writer, model.Description);
            if (model.Scopes.Count > 0)
            {
                writer.Line("/// <para>Scopes (any one): " + string.Join("; ", model.Scopes.Select(s => "<c>" + CSharp.Xml(s.Key) + "</c> " + CSharp.Xml(s.Name))) + ".</para>");
            }

            writer.Line("/// <para>Several handlers may be added; they run in order, once per event id (a failed handling is delivered again).</para>");
            writer.Line("/// </remarks>");
            writer.Line("/// <param name=\"dispatcher\">The dispatcher.</param>");
            writer.Line("/// <param name=\"handler\">Runs for each event, with a token cancelled at the deadline or when the app stops.</param>");
            writer.Line("/// <returns>The dispatcher, to chain registrations.</returns>");
            writer.Line("public static " + Dispatcher + " " + spec.MethodName + "(this " + Dispatcher + " dispatcher, global::System.Func<global::FeishuGen.Events.FeishuEvent<" + body + ">, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task> handler)");
            writer.Line("    => dispatcher.On(" + TypesClass + "." + spec.Name + ", " + JsonCode.Shape(spec.Namespace + "." + spec.BodyType) + ".Reader, handler);");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static string EmitCatalogue(GeneratorOptions options, List<EventSpec> events)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + options.RootNamespace);
        writer.Line("/// <summary>Every event generated from specs/, for tooling and tests.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open("public static partial class " + CatalogueClass);
        writer.Line("/// <summary>The events, ordered by type.</summary>");
        writer.Open("public static global::System.Collections.Generic.IReadOnlyList<global::FeishuGen.Events.FeishuEventInfo> All { get; } = new global::FeishuGen.Events.FeishuEventInfo[]");
        foreach (var spec in events)
        {
            writer.Line("new() { EventType = " + CSharp.Literal(spec.Model.EventType) + ", Title = " + CSharp.Literal(spec.Model.Title)
                + ", Schema = " + CSharp.Literal(spec.Model.LegacySchema ? "1.0" : "2.0") + ", BodyType = typeof(global::" + spec.BodyFullName + ")"
                + ", SpecPath = " + CSharp.Literal(CatalogueEmitter.Relative(spec.Model.SpecPath, options.ProjectDirectory)) + " },");
        }

        writer.Close(";");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
